using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using StreamPrivacy.Core.Drift;
using StreamPrivacy.Kafka.Embedded;
using StreamPrivacy.Kafka.Serdes;
using StreamPrivacy.Kafka.Tests.Serdes;

namespace StreamPrivacy.Kafka.Tests.Cli;

/// <summary>The <c>profile</c> command, run as a real process: from a file and from pinned windows of a topic.</summary>
public sealed class ProfileCommandTests : IDisposable
{
    private const string Topic = "ml.inference.sanitized";
    private const string SecretCategory = "zz-secret-category";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("sp-profile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public async Task Profile_InputFile_StoresProfileAndPrintsSummaryWithoutValues()
    {
        var input = Write("ref.jsonl", Enumerable.Range(0, 100).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"{{\"features\":{{\"age\":{20 + (i % 40)},\"country\":\"{(i % 4 == 0 ? SecretCategory : "DE")}\",\"zip\":{10000 + i}}}}}")));
        var output = Path.Combine(_dir, "profile.json");

        var (exit, log) = await CliProcess.RunAsync(Timeout, "profile", "--input", input, "--output", output, "--bins", "5", "--kind", "zip=categorical");

        Assert.True(exit == 0, log);
        var profile = ReferenceProfileFile.Load(output);
        Assert.Equal(5, profile.BinCount);
        Assert.True(profile.TryGetFeature("zip", out var zip));
        Assert.Equal(FeatureKind.Categorical, zip.Kind);
        Assert.Contains("3 features, 100 events", log, StringComparison.Ordinal);
        Assert.Contains(profile.ContentHash, log, StringComparison.Ordinal);
        Assert.Contains("format version 1", log, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretCategory, log, StringComparison.Ordinal);

        var (showExit, shown) = await CliProcess.RunAsync(Timeout, "profile", "show", output);
        Assert.Equal(0, showExit);
        Assert.Contains("content_hash   " + profile.ContentHash, shown, StringComparison.Ordinal);
        Assert.Contains("age\tnumeric\tbins=5\tn=100\tmissing=0", shown, StringComparison.Ordinal);
        Assert.Contains("country\tcategorical\tbins=3", shown, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretCategory, shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_BadInputLine_ExitsTwoNamingLineNotValue()
    {
        var input = Write("bad.jsonl", ["{\"features\":{\"a\":1}}", "{\"features\":{\"a\":\"" + SecretCategory + "\""]);
        var output = Path.Combine(_dir, "profile.json");
        var (exit, log) = await CliProcess.RunAsync(Timeout, "profile", "-i", input, "-o", output);
        Assert.Equal(2, exit);
        Assert.Contains(input + ": line 2:", log, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretCategory, log, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Profile_PinnedWindow_CountsOnlySelectedModelVersionAndRange()
    {
        using var cluster = EmbeddedKafkaCluster.Start(1);
        cluster.CreateTopic(Topic, 3);
        var n = 0;
        using (var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers }).Build())
        {
            void Produce(byte[] value) => producer.Produce(Topic, new Message<string, byte[]> { Key = "k" + n++, Value = value });

            // In the window [T0, T0 + 1h) for credit-risk 3.2.0: 30 JSON events and 1 Avro event.
            for (var i = 0; i < 30; i++)
            {
                Produce(Json("credit-risk", "3.2.0", T0.AddMinutes(2 * i), age: 20 + i));
            }

            Produce(Avro("credit-risk", "3.2.0", T0.AddMinutes(59)));

            // Outside: before, exactly at the exclusive end, other version, other model, unreadable.
            for (var i = 0; i < 10; i++)
            {
                Produce(Json("credit-risk", "3.2.0", T0.AddSeconds(-1 - i), age: 90));
                Produce(Json("credit-risk", "3.2.0", T0.AddHours(1), age: 90));
                Produce(Json("credit-risk", "3.1.0", T0.AddMinutes(i), age: 90));
                Produce(Json("churn", "3.2.0", T0.AddMinutes(i), age: 90, extra: "churn_only"));
            }

            Produce(Encoding.UTF8.GetBytes("not json " + SecretCategory));
            producer.Flush(TimeSpan.FromSeconds(30));
        }

        var output = Path.Combine(_dir, "pinned.json");
        var (exit, log) = await CliProcess.RunAsync(
            Timeout, "profile", "--topic", Topic, "--bootstrap-servers", cluster.BootstrapServers, "--model", "credit-risk",
            "--model-version", "3.2.0", "--from", "2026-11-20T10:00:00Z", "--to", "2026-11-20T11:00:00Z", "--output", output, "--bins", "4",
            "-X", "socket.keepalive.enable=true");

        Assert.True(exit == 0, log);
        Assert.Contains($"read {n} records from 3 partitions of {Topic}; 31 in the window, 1 unreadable", log, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretCategory, log, StringComparison.Ordinal);
        var profile = ReferenceProfileFile.Load(output);
        // Features plus the prediction (monitored like a feature: prediction.score and prediction.label).
        Assert.Equal(["age", "country", "prediction.label", "prediction.score"], profile.Features.Select(f => f.Name));
        Assert.True(profile.TryGetFeature("age", out var age));
        Assert.Equal(31, age.Count);
        Assert.True(age.Layout.Edges[^1] < 90, "no age from outside the window");

        // Without --model-version the 3.1.0 events join the window.
        var (anyExit, anyLog) = await CliProcess.RunAsync(
            Timeout, "profile", "--topic", Topic, "-b", cluster.BootstrapServers, "--model", "credit-risk",
            "--from", "2026-11-20T10:00:00Z", "--to", "2026-11-20T11:00:00Z", "-o", Path.Combine(_dir, "any.json"));
        Assert.True(anyExit == 0, anyLog);
        Assert.Contains("41 in the window", anyLog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_PinnedWindowNothingMatches_ExitsTwoAndStoresNothing()
    {
        using var cluster = EmbeddedKafkaCluster.Start(1);
        cluster.CreateTopic(Topic, 2);
        using (var producer = new ProducerBuilder<Null, byte[]>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers }).Build())
        {
            producer.Produce(Topic, new Message<Null, byte[]> { Value = Json("churn", "1", T0, age: 1) });
            producer.Flush(TimeSpan.FromSeconds(30));
        }

        var output = Path.Combine(_dir, "none.json");
        var (exit, log) = await CliProcess.RunAsync(
            Timeout, "profile", "--topic", Topic, "-b", cluster.BootstrapServers, "--model", "credit-risk",
            "--from", "2026-11-20T10:00:00Z", "--to", "2026-11-20T11:00:00Z", "-o", output);
        Assert.Equal(2, exit);
        Assert.Contains("no events in the pinned window", log, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("yesterday", "2026-11-20T11:00:00Z")]
    [InlineData("2026-11-20T10:00:00Z", "2026-11-20T09:00:00Z")]
    public async Task Profile_PinnedWindowBadRange_ExitsTwo(string from, string to)
    {
        var (exit, log) = await CliProcess.RunAsync(
            Timeout, "profile", "--topic", Topic, "-b", "127.0.0.1:1", "--model", "m", "-o", Path.Combine(_dir, "x.json"), "--from", from, "--to", to);
        Assert.Equal(2, exit);
        Assert.Contains("--from", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_BothOrNeitherSource_ExitsTwo()
    {
        var input = Write("ref.jsonl", ["{\"features\":{\"a\":1}}"]);
        var (neither, _) = await CliProcess.RunAsync(Timeout, "profile", "-o", Path.Combine(_dir, "x.json"));
        var (both, _) = await CliProcess.RunAsync(Timeout, "profile", "-i", input, "--topic", Topic, "-o", Path.Combine(_dir, "x.json"));
        var (same, _) = await CliProcess.RunAsync(Timeout, "profile", "-i", input, "-o", input);
        Assert.Equal(2, neither);
        Assert.Equal(2, both);
        Assert.Equal(2, same);
        Assert.Equal("{\"features\":{\"a\":1}}" + Environment.NewLine, File.ReadAllText(input));
    }

    private static byte[] Json(string model, string version, DateTimeOffset time, int age, string? extra = null)
    {
        var features = new JsonObject { ["age"] = age, ["country"] = "DE" };
        if (extra is not null)
        {
            features[extra] = 1;
        }

        return Encoding.UTF8.GetBytes(new JsonObject
        {
            ["event_id"] = Guid.NewGuid().ToString(),
            ["event_time"] = time.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["model"] = new JsonObject { ["name"] = model, ["version"] = version },
            ["features"] = features,
        }.ToJsonString());
    }

    private static byte[] Avro(string model, string version, DateTimeOffset time)
    {
        var value = SampleEvents.For("SanitizedInferenceEvent");
        value["event_time"] = time.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        value["model"] = new JsonObject { ["name"] = model, ["version"] = version };
        value["features"] = new JsonObject { ["age"] = 40, ["country"] = "FR" };
        return new AvroSingleObjectCodec(AvroSchemaCatalog.Default).Encode(value, AvroSchemaCatalog.Default.GetByName(SampleEvents.Ns + "SanitizedInferenceEvent"));
    }
}
