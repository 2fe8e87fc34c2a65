using System.Globalization;
using System.Text;
using StreamPrivacy.Core.Privacy;
using StreamPrivacy.Kafka.Telemetry;
using StreamPrivacy.Kafka.Tests.Stages;

namespace StreamPrivacy.Kafka.Tests.Telemetry;

/// <summary>The release stage's ε gauges and released-window counter on a running drift pipeline.</summary>
public sealed class PrivacyGaugeTests : IDisposable
{
    private static readonly DateTimeOffset Start = PipelineHarness.RecentMinute();
    private readonly string _dir = Directory.CreateTempSubdirectory("sp-gauges-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Latest_TakesEachStreamsNewestPeriodAndNeverGoesNegative()
    {
        var budget = new PrivacyBudgetOptions { EpsilonPerPeriod = new Rational(1, 1), RhoPerPeriod = new Rational(1, 2) };
        var day = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
        var budgets = StreamBudget.Latest(
            [
                new BudgetLedgerRecord("a", day, "9/10", "0", 9, false),
                new BudgetLedgerRecord("a", day.AddDays(1), "1/4", "1/8", 1, false),
                new BudgetLedgerRecord("b", day, "3/2", "0", 3, true),
            ],
            budget);

        Assert.Equal([new StreamBudget("a", 0.25, 0.75, 0.125, 0.375), new StreamBudget("b", 1.5, 0, 0, 0.5)], budgets);
    }

    [Fact]
    public async Task Pipeline_SecondWindowDoesNotFit_GaugesShowSpentAndRemainingAndOneWindowReleased()
    {
        using var h = Harness();
        h.Produce(h.Topics.InferenceRaw, Events().Select(e => ((string?)e.Subject, Encoding.UTF8.GetBytes(e.Json))));
        using var capture = new MetricCapture("streamprivacy.privacy.epsilon.spent", "streamprivacy.privacy.epsilon.remaining", "streamprivacy.windows.released", "streamprivacy.stage.up");
        var pipeline = h.CreatePipeline();

        // ε per window 0.75 of 1 per period: the first window is released, the second refused.
        await PipelineHarness.RunUntilAsync(
            pipeline,
            () =>
            {
                capture.Observe();
                return pipeline.Release!.Dropped >= 1 && Spent(capture).Any(v => v == 0.75);
            },
            TimeSpan.FromSeconds(90));

        var stream = capture.Measurements.First(m => m.Instrument == "streamprivacy.privacy.epsilon.spent" && m.Value == 0.75).Tags["stream"];
        Assert.Equal(["stream"], capture.Measurements.Where(m => m.Instrument.StartsWith("streamprivacy.privacy.", StringComparison.Ordinal)).SelectMany(m => m.Tags.Keys).Distinct());
        Assert.Contains(capture.Measurements, m => m.Instrument == "streamprivacy.privacy.epsilon.remaining" && m.Value == 0.25 && Equals(m.Tags["stream"], stream));
        var released = capture.Measurements.Where(m => m.Instrument == "streamprivacy.windows.released" && Equals(m.Tags["stream"], stream) && Equals(m.Tags["stage"], "release")).ToList();
        Assert.NotEmpty(released);
        Assert.Contains(capture.Measurements, m => m.Instrument == "streamprivacy.stage.up" && Equals(m.Tags["stage"], "release") && m.Value == 1);
    }

    private static IEnumerable<double> Spent(MetricCapture capture) =>
        capture.Measurements.Where(m => m.Instrument == "streamprivacy.privacy.epsilon.spent").Select(m => m.Value);

    private PipelineHarness Harness()
    {
        var h = new PipelineHarness();
        var refPath = Path.Combine(_dir, "reference.jsonl");
        File.WriteAllLines(refPath, Enumerable.Range(0, 500).Select(i => EventJson(i, Start.AddDays(-1), x: i % 100)));
        h.EnableDrift(refPath);
        h.Options.Drift.EpsilonPerWindow = 0.75m;
        h.Options.Drift.EpsilonPerPeriod = 1m;
        return h;
    }

    // Two one-minute windows of 100 events each.
    private static IEnumerable<(string Subject, string Json)> Events() =>
        Enumerable.Range(0, 200).Select(i => ("subject-" + i, EventJson(i, Start.AddMinutes(i / 100).AddMilliseconds((i % 100) * 300), x: i % 100)));

    private static string EventJson(int i, DateTimeOffset time, int x) =>
        $$$"""{"event_id":"e-{{{i}}}","event_time":"{{{time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}}}","model":{"name":"m","version":"1"},"subject_id":"subject-{{{i}}}","consent":["monitoring"],"features":{"x":{{{x}}}},"prediction":{"label":"yes","score":0.5}}""";
}
