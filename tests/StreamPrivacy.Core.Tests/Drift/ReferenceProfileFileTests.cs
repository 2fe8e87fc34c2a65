using StreamPrivacy.Core.Drift;

namespace StreamPrivacy.Core.Tests.Drift;

public sealed class ReferenceProfileFileTests : IDisposable
{
    private const string Secret = "s3cr3t-value";

    private readonly string _dir = Directory.CreateTempSubdirectory("sp-refprofile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string Sample() => string.Join('\n', Enumerable.Range(0, 40).Select(i =>
        $$$"""{"features": {"age": {{{20 + i}}}, "country": "{{{(i % 3 == 0 ? "DE" : "FR")}}}"}}"""));

    [Fact]
    public void Load_JsonLines_BuildsProfileWithRequestedBins()
    {
        var path = Write("ref.jsonl", "\n" + Sample() + "\n\n");
        var profile = ReferenceProfileFile.Load(path, bins: 4);
        Assert.Equal(4, profile.BinCount);
        Assert.True(profile.TryGetFeature("age", out var age));
        Assert.Equal(FeatureKind.Numeric, age.Kind);
        Assert.Equal(4, age.Layout.BinCount);
        Assert.Equal(40, age.Count);
        Assert.True(profile.TryGetFeature("country", out var country));
        Assert.Equal([14L, 26, 0], country.Counts);
    }

    [Fact]
    public void Load_JsonLinesWithDeclaredKind_UsesIt()
    {
        var path = Write("ref.jsonl", Sample());
        var profile = ReferenceProfileFile.Load(path, 4, new Dictionary<string, FeatureKind> { ["age"] = FeatureKind.Categorical });
        Assert.True(profile.TryGetFeature("age", out var age));
        Assert.Equal(FeatureKind.Categorical, age.Kind);
    }

    [Fact]
    public void Load_SingleLineJsonLines_IsASample()
    {
        var path = Write("one.jsonl", """{"features": {"x": 1}}""");
        var profile = ReferenceProfileFile.Load(path);
        Assert.Equal(1, profile.Features.Single().Count);
    }

    [Fact]
    public void SaveThenLoad_StoredProfile_SameHashAndContent()
    {
        var built = ReferenceProfileFile.Load(Write("ref.jsonl", Sample()), bins: 5);
        var stored = Path.Combine(_dir, "profile.json");
        ReferenceProfileFile.Save(built, stored);

        // bins is ignored for a stored profile: it keeps the B it was built with.
        var loaded = ReferenceProfileFile.Load(stored, bins: 10);
        Assert.Equal(built.ContentHash, loaded.ContentHash);
        Assert.Equal(5, loaded.BinCount);
        Assert.Equal(built.ToJson(), loaded.ToJson());
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    [Fact]
    public void Load_CompactSingleLineProfile_IsStoredProfile()
    {
        var built = ReferenceProfileFile.Load(Write("ref.jsonl", Sample()), bins: 3);
        var compact = System.Text.Json.Nodes.JsonNode.Parse(built.ToJson())!.ToJsonString();
        var loaded = ReferenceProfileFile.Load(Write("compact.json", compact));
        Assert.Equal(built.ContentHash, loaded.ContentHash);
    }

    [Fact]
    public void Save_ExistingFile_Replaced()
    {
        var stored = Write("profile.json", "old content");
        var profile = ReferenceProfileFile.Load(Write("ref.jsonl", Sample()));
        ReferenceProfileFile.Save(profile, stored);
        Assert.Equal(profile.ContentHash, ReferenceProfileFile.Load(stored).ContentHash);
        Assert.Equal(["profile.json", "ref.jsonl"], Directory.GetFiles(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Load_TamperedStoredProfile_RejectedWithPath()
    {
        var stored = Path.Combine(_dir, "profile.json");
        ReferenceProfileFile.Save(ReferenceProfileFile.Load(Write("ref.jsonl", Sample())), stored);
        File.WriteAllText(stored, File.ReadAllText(stored).Replace("\"missing\": 0", "\"missing\": 1", StringComparison.Ordinal));
        var ex = Assert.Throws<InvalidDataException>(() => ReferenceProfileFile.Load(stored));
        Assert.Contains(stored, ex.Message, StringComparison.Ordinal);
        Assert.Contains("contentHash", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TruncatedStoredProfile_ReportsLine()
    {
        var stored = Path.Combine(_dir, "profile.json");
        ReferenceProfileFile.Save(ReferenceProfileFile.Load(Write("ref.jsonl", Sample())), stored);
        var lines = File.ReadAllLines(stored);
        File.WriteAllLines(stored, lines.Take(6));
        var ex = Assert.Throws<InvalidDataException>(() => ReferenceProfileFile.Load(stored));
        Assert.Contains(stored + ": line ", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"features\": {\"a\": 1}}\n\n{\"features\": {\"a\": \"" + Secret + "\"", 3)]
    [InlineData("{\"features\": {\"a\": 1}}\n[\"" + Secret + "\"]\n", 2)]
    [InlineData("{\"features\": {\"a\": " + Secret + "}}\n{\"features\": {}}\n", 1)]
    [InlineData("\n\n{\"features\": {\"a\": \"" + Secret + "\",}}\n", 3)]
    public void Load_BadLine_ReportsPathAndLineWithoutValues(string content, int line)
    {
        var path = Write("bad.jsonl", content);
        var ex = Assert.Throws<InvalidDataException>(() => ReferenceProfileFile.Load(path));
        Assert.Contains($"{path}: line {line}:", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr", ex.Message, StringComparison.Ordinal);
        Assert.Null(ex.InnerException);
    }

    [Fact]
    public void Load_InvalidUtf8_Rejected()
    {
        var path = Path.Combine(_dir, "bad.jsonl");
        File.WriteAllBytes(path, [.. "{\"features\": {\"a\": \""u8, 0xFF, 0xFE, .. "\"}}\n"u8]);
        var ex = Assert.Throws<InvalidDataException>(() => ReferenceProfileFile.Load(path));
        Assert.Contains("UTF-8", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n  \n")]
    public void Load_Empty_Rejected(string content)
    {
        var path = Write("empty.jsonl", content);
        var ex = Assert.Throws<InvalidDataException>(() => ReferenceProfileFile.Load(path));
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DeclaredNumericWithoutNumbers_InvalidData()
    {
        var path = Write("ref.jsonl", "{\"features\": {\"a\": \"" + Secret + "\"}}\n");
        var ex = Assert.Throws<InvalidDataException>(() =>
            ReferenceProfileFile.Load(path, 10, new Dictionary<string, FeatureKind> { ["a"] = FeatureKind.Numeric }));
        Assert.DoesNotContain(Secret, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SaveThenLoad_Edges_RoundTripBitExactly()
    {
        // Values whose shortest round-trip text is long, subnormal, huge, or differs from G15.
        double[] edges = [-1.7976931348623157e308, -0.0, double.Epsilon, 1e-310, 0.1 + 0.2, 1.0 / 3.0, Math.PI, 2.0 / 3.0 * 1e15, 9007199254740993.0, 1.7976931348623157e308];
        var std = Math.E * 1e-7;
        var profile = new ReferenceProfile(10, [new ReferenceFeature("x", BinLayout.Numeric(edges), Enumerable.Range(1, edges.Length + 1).Select(i => (long)i), std)]);
        var path = Path.Combine(_dir, "profile.json");
        ReferenceProfileFile.Save(profile, path);

        var loaded = ReferenceProfileFile.Load(path);
        Assert.True(loaded.TryGetFeature("x", out var x));
        Assert.Equal(edges.Select(BitConverter.DoubleToInt64Bits), x.Layout.Edges.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(BitConverter.DoubleToInt64Bits(std), BitConverter.DoubleToInt64Bits(x.StandardDeviation!.Value));
        Assert.Equal(profile.ContentHash, loaded.ContentHash);
    }
}
