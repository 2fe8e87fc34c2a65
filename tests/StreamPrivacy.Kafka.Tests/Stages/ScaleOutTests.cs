using System.Globalization;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace StreamPrivacy.Kafka.Tests.Stages;

/// <summary>Two instances in one set of consumer groups share the work; one stops mid-stream.</summary>
public sealed class ScaleOutTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sp-scale-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task TwoInstances_OneStopsMidStream_EveryEventProcessedAndEachReleaseHasOneSetOfValues()
    {
        using var h = new PipelineHarness(partitions: 6);
        var start = PipelineHarness.RecentMinute();
        var reference = Path.Combine(_dir, "reference.jsonl");
        File.WriteAllLines(reference, Enumerable.Range(0, 600).Select(i => Event(i, start.AddDays(-1), i % 60)));
        h.EnableDrift(reference);
        h.Options.Drift.EpsilonPerWindow = 2m;
        h.Options.Drift.EpsilonPerPeriod = 100m;
        h.Options.Drift.MaxEmptyWindows = 0;
        const int Total = 3_000;
        IEnumerable<(string?, byte[])> Events(int from, int count) => Enumerable.Range(from, count).Select(i =>
            ((string?)("s" + i), Encoding.UTF8.GetBytes(Event(i, start.AddMilliseconds(i * 50), i % 60))));

        var a = h.CreatePipeline("a");
        var b = h.CreatePipeline("b");
        using var stopA = new CancellationTokenSource();
        using var stopB = new CancellationTokenSource();
        var runA = a.RunAsync(stopA.Token);
        var runB = b.RunAsync(stopB.Token);
        var deadline = DateTime.UtcNow.AddSeconds(90);

        // First half while both instances share the partitions, then instance a stops; b takes over.
        h.Produce(h.Topics.InferenceRaw, Events(0, Total / 2));
        while ((a.Sanitize.Consumed == 0 || b.Sanitize.Consumed == 0 || a.Sanitize.Consumed + b.Sanitize.Consumed < Total / 2) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await stopA.CancelAsync();
        await runA;
        output.WriteLine($"instance a stopped after sanitizing {a.Sanitize.Consumed} records; b had {b.Sanitize.Consumed}");
        h.Produce(h.Topics.InferenceRaw, Events(Total / 2, Total / 2));

        // 3,000 events at 50 ms intervals span 3 one-minute windows.
        while (ReleaseIds(h) < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        await stopB.CancelAsync();
        await runB;
        Assert.True(a.Sanitize.Consumed > 0 && b.Sanitize.Consumed > 0, "both instances did work");

        var ids = h.ReadAll(h.Topics.InferenceSanitized, Total, TimeSpan.FromSeconds(30))
            .Select(r => JsonDocument.Parse(r.Message.Value!).RootElement.GetProperty("event_id").GetString()).ToList();
        output.WriteLine($"sanitized {ids.Count} records, {ids.Count - ids.Distinct().Count()} duplicates (at-least-once)");
        Assert.Equal(Total, ids.Distinct().Count());

        Assert.Equal(3, ReleaseIds(h));
        var metrics = h.ReadAll(h.Topics.Metrics, 1, TimeSpan.FromSeconds(5))
            .Select(r => JsonDocument.Parse(r.Message.Value!).RootElement)
            .GroupBy(m => string.Join('|', m.GetProperty("release_id").GetString(), m.GetProperty("metric").GetString(), m.GetProperty("feature").GetString(), m.GetProperty("bucket").ToString()))
            .ToList();
        Assert.NotEmpty(metrics);
        Assert.All(metrics, g => Assert.Single(g.Select(m => m.GetProperty("value").GetDouble()).Distinct()));
        Assert.Equal(3, metrics.Select(g => g.First().GetProperty("release_id").GetString()).Distinct().Count());
    }

    private static int ReleaseIds(PipelineHarness h) =>
        h.ReadAll(h.Topics.Ledger, 0, TimeSpan.FromSeconds(1))
            .Select(r => Encoding.UTF8.GetString(r.Message.Key!))
            .Where(k => k.StartsWith("release|", StringComparison.Ordinal))
            .Distinct()
            .Count();

    private static string Event(int i, DateTimeOffset time, int x) =>
        $$$"""{"event_id":"e-{{{i}}}","event_time":"{{{time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}}}","model":{"name":"m","version":"1"},"subject_id":"s{{{i}}}","consent":["monitoring"],"features":{"x":{{{x}}}}}""";
}
