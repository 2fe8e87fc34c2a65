using StreamPrivacy.Core.Drift;

namespace StreamPrivacy.Core.Tests.Drift;

public sealed class ReferenceProfileTests
{
    private const string Lines = """
        {"features": {"age": 30, "country": "DE", "vip": true, "mixed": 1, "blob": {"x": 1}}}
        {"features": {"age": 40.5, "country": "FR", "vip": false, "mixed": "a", "blob": null}}
        {"features": {"age": null, "country": "DE", "vip": true, "mixed": 2}}
        {"features": {"country": "DE"}}
        {"other": 1}

        """;

    private static ReferenceProfile BuildFromLines(IReadOnlyDictionary<string, FeatureKind>? declared = null)
    {
        var builder = new ReferenceProfileBuilder(4, declared);
        builder.AddJsonLines(new StringReader(Lines));
        Assert.Equal(5, builder.Events);
        return builder.Build();
    }

    [Fact]
    public void Build_JsonLines_InfersKindsAndCountsMissing()
    {
        var profile = BuildFromLines();
        Assert.Equal(["age", "blob", "country", "mixed", "vip"], profile.Features.Select(f => f.Name));

        Assert.True(profile.TryGetFeature("age", out var age));
        Assert.Equal(FeatureKind.Numeric, age.Kind);
        Assert.Equal(2, age.Count);
        Assert.Equal(3, age.Missing); // one null, two events without the key
        Approx.Equal(5.25, age.StandardDeviation);

        // Type 7 with n = 2: edges at 30 + 10.5·k/4.
        Assert.Equal([32.625, 35.25, 37.875], age.Layout.Edges);

        Assert.True(profile.TryGetFeature("vip", out var vip));
        Assert.Equal(FeatureKind.Categorical, vip.Kind);
        Assert.Equal(["false", "true"], vip.Layout.Categories);
        Assert.Equal([1L, 2, 0], vip.Counts);

        Assert.True(profile.TryGetFeature("mixed", out var mixed));
        Assert.Equal(FeatureKind.Categorical, mixed.Kind);
        Assert.Equal(["1", "2", "a"], mixed.Layout.Categories);

        Assert.True(profile.TryGetFeature("blob", out var blob));
        Assert.Equal(FeatureKind.Categorical, blob.Kind);
        Assert.Equal(0, blob.Count);
        Assert.Equal(5, blob.Missing);

        Assert.True(profile.TryGetFeature("country", out var country));
        Assert.Equal([3L, 1, 0], country.Counts);
        Assert.Equal(1, country.Missing);
    }

    [Fact]
    public void Build_DeclaredNumeric_NonNumbersCountedMissing()
    {
        var profile = BuildFromLines(new Dictionary<string, FeatureKind> { ["mixed"] = FeatureKind.Numeric });
        Assert.True(profile.TryGetFeature("mixed", out var mixed));
        Assert.Equal(FeatureKind.Numeric, mixed.Kind);
        Assert.Equal(2, mixed.Count);
        Assert.Equal(3, mixed.Missing);
    }

    [Fact]
    public void Build_DeclaredNumericWithoutValues_Throws()
    {
        var builder = new ReferenceProfileBuilder(declaredKinds: new Dictionary<string, FeatureKind> { ["x"] = FeatureKind.Numeric });
        Assert.Throws<InvalidOperationException>(builder.Build);
    }

    [Fact]
    public void AddNumber_NonFinite_Throws()
    {
        var builder = new ReferenceProfileBuilder();
        Assert.Throws<ArgumentException>(() => builder.AddNumber("x", double.NaN));
        Assert.Throws<ArgumentException>(() => builder.AddNumber("x", double.PositiveInfinity));
    }

    [Fact]
    public void ToJson_RoundTrip_SameContentAndHash()
    {
        var profile = BuildFromLines();
        var copy = ReferenceProfile.FromJson(profile.ToJson());
        Assert.Equal(profile.ContentHash, copy.ContentHash);
        Assert.StartsWith("sha256:", profile.ContentHash, StringComparison.Ordinal);
        Assert.Equal(profile.ToJson(), copy.ToJson());
        Assert.True(copy.TryGetFeature("age", out var age));
        Assert.Equal([32.625, 35.25, 37.875], age.Layout.Edges);
        Assert.Equal(5.25, age.StandardDeviation);
    }

    [Fact]
    public void FromJson_TamperedCounts_Rejected()
    {
        var json = BuildFromLines().ToJson();
        var tampered = json.Replace("\"missing\": 3", "\"missing\": 4", StringComparison.Ordinal);
        Assert.NotEqual(json, tampered);
        Assert.Throws<InvalidDataException>(() => ReferenceProfile.FromJson(tampered));
    }

    [Fact]
    public void FromJson_UnknownVersion_Rejected()
    {
        var json = BuildFromLines().ToJson().Replace("\"formatVersion\": 1", "\"formatVersion\": 2", StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => ReferenceProfile.FromJson(json));
    }

    [Fact]
    public void ContentHash_DifferentContent_Differs()
    {
        var a = new ReferenceProfileBuilder();
        a.AddCategory("c", "x");
        var b = new ReferenceProfileBuilder();
        b.AddCategory("c", "y");
        Assert.NotEqual(a.Build().ContentHash, b.Build().ContentHash);
    }
}
