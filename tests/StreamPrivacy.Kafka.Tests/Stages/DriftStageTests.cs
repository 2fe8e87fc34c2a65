using System.Globalization;
using System.Text;
using System.Text.Json;
using StreamPrivacy.Core.Drift.Offline;

namespace StreamPrivacy.Kafka.Tests.Stages;

/// <summary>The profile and release stages end to end on the embedded cluster.</summary>
public sealed class DriftStageTests : IDisposable
{
    // Recent event times: the accountant only charges windows in retained budget periods.
    private static readonly DateTimeOffset Start = PipelineHarness.RecentMinute();
    private readonly string _dir = Directory.CreateTempSubdirectory("sp-drift-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Pipeline_ThreeWindowsWithDriftInTheMiddle_ReleasesEachOnceRaisesAndResolvesAndMatchesOffline()
    {
        using var h = Harness(mechanism: "none");
        var events = Windows();
        h.Produce(h.Topics.InferenceRaw, events.Select(e => ((string?)e.Subject, Encoding.UTF8.GetBytes(e.Json))));

        var pipeline = h.CreatePipeline();
        await PipelineHarness.RunUntilAsync(pipeline, () => ReleaseIds(h).Count >= 3, TimeSpan.FromSeconds(90));

        var metrics = Metrics(h);
        var releases = metrics.GroupBy(m => m.GetProperty("release_id").GetString()).ToList();
        Assert.Equal(3, releases.Count);
        Assert.All(metrics, m => Assert.Equal("none", m.GetProperty("mechanism").GetString()));

        // Drift alert: raised by the shifted window, resolved by the next one, once each.
        var alerts = h.ReadAll(h.Topics.DriftAlerts, 2, TimeSpan.FromSeconds(10)).Select(r => JsonDocument.Parse(r.Message.Value!).RootElement).ToList();
        Assert.Equal(["raised", "resolved"], alerts.Select(a => a.GetProperty("state").GetString()!).ToArray());
        Assert.All(alerts, a => Assert.Equal("$.features['x']", a.GetProperty("field_path").GetString()));
        Assert.Equal(Start.AddMinutes(1), DateTimeOffset.Parse(alerts[0].GetProperty("window").GetProperty("start").GetString()!, CultureInfo.InvariantCulture));

        // Offline and streaming give the same numbers for the same data with ε off.
        var refPath = Path.Combine(_dir, "reference.jsonl");
        foreach (var window in new[] { 0, 1, 2 })
        {
            var current = string.Join('\n', events.Where(e => e.Window == window).Select(e => e.Json));
            var offline = OfflineDriftAnalysis.Run(new StreamReader(refPath), new StringReader(current), new OfflineDriftOptions());
            var windowStart = Start.AddMinutes(window);
            foreach (var feature in offline.Features)
            {
                var r = feature.Result;
                foreach (var (name, value) in new[] { ("psi", r.Psi), ("kl", r.Kl), ("js", r.Js), ("ks", r.Ks), ("wasserstein_norm", r.WassersteinNorm), ("chi2", r.Chi2), ("chi2_p", r.Chi2P) })
                {
                    var streamed = metrics.SingleOrDefault(m => m.GetProperty("metric").GetString() == name
                        && m.GetProperty("feature").GetString() == r.Feature
                        && DateTimeOffset.Parse(m.GetProperty("window").GetProperty("start").GetString()!, CultureInfo.InvariantCulture) == windowStart);
                    if (value is null || !double.IsFinite(value.Value))
                    {
                        Assert.Equal(JsonValueKind.Undefined, streamed.ValueKind);
                        continue;
                    }

                    Assert.Equal(value.Value, streamed.GetProperty("value").GetDouble());
                }
            }
        }
    }

    [Fact]
    public async Task Replay_WithAnotherNoiseKeyAndFreshGroups_ReEmitsByteIdenticalReleasesFromTheLedger()
    {
        using var h = Harness(mechanism: "discrete_laplace");
        var events = Windows();
        h.Produce(h.Topics.InferenceRaw, events.Select(e => ((string?)e.Subject, Encoding.UTF8.GetBytes(e.Json))));
        await PipelineHarness.RunUntilAsync(h.CreatePipeline(), () => ReleaseIds(h).Count >= 3, TimeSpan.FromSeconds(90));
        var first = h.ReadAll(h.Topics.Metrics, 1, TimeSpan.FromSeconds(10)).Select(r => Encoding.UTF8.GetString(r.Message.Value!)).ToList();

        // Restart from the beginning (fresh consumer groups) with a different noise key: without the
        // ledger every noisy value would change; with it, the releases are facts and repeat exactly.
        File.WriteAllBytes(h.Options.Keys.Files["noise"], Enumerable.Range(0, 32).Select(i => (byte)(200 - i)).ToArray());
        h.Options.Processing.GroupIdPrefix = "replay";
        await PipelineHarness.RunUntilAsync(h.CreatePipeline("replay"), () => Metrics(h).Count >= 2 * first.Count, TimeSpan.FromSeconds(90));

        var all = h.ReadAll(h.Topics.Metrics, 2 * first.Count, TimeSpan.FromSeconds(10)).Select(r => Encoding.UTF8.GetString(r.Message.Value!)).ToList();
        Assert.True(all.Count >= 2 * first.Count);
        Assert.All(all, record => Assert.Contains(record, first));
        Assert.Equal(3, ReleaseIds(h).Count);
        Assert.Equal(3, h.ReadAll(h.Topics.Ledger, 1, TimeSpan.FromSeconds(5)).Count(r => Encoding.UTF8.GetString(r.Message.Key!).StartsWith("release|", StringComparison.Ordinal)));
        Assert.All(first.Select(f => JsonDocument.Parse(f).RootElement), m => Assert.Equal("discrete_laplace", m.GetProperty("mechanism").GetString()));
    }

    [Fact]
    public async Task Budget_SecondWindowDoesNotFit_StopsReleasingAndRaisesOneLeakageAlert()
    {
        using var h = Harness(mechanism: "discrete_laplace");
        h.Options.Drift.EpsilonPerWindow = 1m;
        h.Options.Drift.EpsilonPerPeriod = 1.5m;
        var events = Windows();
        h.Produce(h.Topics.InferenceRaw, events.Select(e => ((string?)e.Subject, Encoding.UTF8.GetBytes(e.Json))));
        var pipeline = h.CreatePipeline();
        await PipelineHarness.RunUntilAsync(pipeline, () => pipeline.Release!.Dropped >= 2 && ReleaseIds(h).Count >= 1, TimeSpan.FromSeconds(90));

        Assert.Single(ReleaseIds(h));
        var leakage = h.ReadAll(h.Topics.LeakageAlerts, 1, TimeSpan.FromSeconds(10)).Select(r => JsonDocument.Parse(r.Message.Value!).RootElement).ToList();
        var alert = Assert.Single(leakage);
        Assert.Equal("budget_exhausted", alert.GetProperty("kind").GetString());
        Assert.Equal("critical", alert.GetProperty("severity").GetString());
        Assert.Equal(1.0, alert.GetProperty("epsilon_spent").GetDouble());
    }

    [Fact]
    public async Task EmptyWindow_BetweenWindowsWithEvents_IsReleasedWithZeroCounts()
    {
        using var h = Harness(mechanism: "none");
        h.Options.Drift.MaxEmptyWindows = 30;
        var events = Windows().Where(e => e.Window != 1).ToList();
        h.Produce(h.Topics.InferenceRaw, events.Select(e => ((string?)e.Subject, Encoding.UTF8.GetBytes(e.Json))));
        await PipelineHarness.RunUntilAsync(h.CreatePipeline(), () => ReleaseIds(h).Count >= 3, TimeSpan.FromSeconds(90));

        var counts = Metrics(h)
            .Where(m => m.GetProperty("metric").GetString() == "count" && m.GetProperty("feature").GetString() == "x")
            .ToDictionary(m => DateTimeOffset.Parse(m.GetProperty("window").GetProperty("start").GetString()!, CultureInfo.InvariantCulture), m => m.GetProperty("value").GetDouble());
        Assert.Equal(300, counts[Start]);
        Assert.Equal(0, counts[Start.AddMinutes(1)]);
        Assert.Equal(300, counts[Start.AddMinutes(2)]);
    }

    [Fact]
    public async Task Lineage_DriftRun_EmitsValidStartRunningAndCompleteEventsWithoutValues()
    {
        using var h = Harness(mechanism: "discrete_laplace");
        var events = Windows();
        h.Produce(h.Topics.InferenceRaw, events.Select(e => ((string?)e.Subject, Encoding.UTF8.GetBytes(e.Json))));
        await PipelineHarness.RunUntilAsync(h.CreatePipeline(), () => ReleaseIds(h).Count >= 3, TimeSpan.FromSeconds(90));

        var lineage = h.ReadAll(h.Topics.Lineage, 1, TimeSpan.FromSeconds(10)).Select(r => Encoding.UTF8.GetString(r.Message.Value!)).ToList();
        Assert.All(lineage, e => Assert.Empty(Lineage.OpenLineageValidator.Errors(e)));
        Assert.All(lineage, e => Assert.DoesNotContain("subject-", e, StringComparison.Ordinal));
        var parsed = lineage.Select(e => JsonDocument.Parse(e).RootElement).ToList();
        string Job(JsonElement e) => e.GetProperty("job").GetProperty("name").GetString()!;
        string Type(JsonElement e) => e.GetProperty("eventType").GetString()!;
        foreach (var stage in new[] { "sanitize", "profile", "release" })
        {
            Assert.Contains(parsed, e => Job(e) == "streamprivacy." + stage && Type(e) == "START");
            Assert.Contains(parsed, e => Job(e) == "streamprivacy." + stage && Type(e) == "COMPLETE");
        }

        var running = parsed.Where(e => Type(e) == "RUNNING").ToList();
        Assert.True(running.Count >= 3, $"{running.Count} RUNNING events");
        var budget = running[0].GetProperty("run").GetProperty("facets").GetProperty("streamprivacy_privacy_budget");
        Assert.Equal("discrete_laplace", budget.GetProperty("mechanism").GetString());
        Assert.Equal(5.0, budget.GetProperty("epsilon").GetDouble());
        Assert.StartsWith("release/v1|", budget.GetProperty("releaseId").GetString(), StringComparison.Ordinal);
        var input = parsed.First(e => Job(e) == "streamprivacy.sanitize").GetProperty("inputs")[0];
        Assert.Equal("kafka://" + h.Cluster.BootstrapServers.Split(',')[0], input.GetProperty("namespace").GetString());
        Assert.Equal(h.Topics.InferenceRaw, input.GetProperty("name").GetString());
        Assert.True(input.GetProperty("facets").GetProperty("schema").GetProperty("fields").GetArrayLength() > 5);
        var runIds = parsed.Where(e => Job(e) == "streamprivacy.release").Select(e => e.GetProperty("run").GetProperty("runId").GetString()).Distinct().Count();
        Assert.Equal(1, runIds);
    }

    private PipelineHarness Harness(string mechanism)
    {
        var h = new PipelineHarness();
        var refPath = Path.Combine(_dir, "reference.jsonl");
        File.WriteAllLines(refPath, Enumerable.Range(0, 1000).Select(i => EventJson(i, Start.AddDays(-1), x: i % 100, c: "abc"[i % 3].ToString())));
        h.EnableDrift(refPath);
        h.Options.Drift.Mechanism = mechanism;
        h.Options.Drift.EpsilonPerWindow = 5m;
        h.Options.Drift.EpsilonPerPeriod = 100m;
        h.Options.Drift.MaxEmptyWindows = 0; // the windows after the data are empty; tested separately
        return h;
    }

    // Three one-minute windows of 300 events: like the reference, shifted (drift), like the reference.
    private static List<(int Window, string Subject, string Json)> Windows() =>
        [.. Enumerable.Range(0, 900).Select(i =>
        {
            var window = i / 300;
            var x = window == 1 ? 50 + (i % 50) : i % 100;
            var time = Start.AddMinutes(window).AddMilliseconds((i % 300) * 150);
            return (window, "subject-" + i, EventJson(i, time, x, "abc"[i % 3].ToString()));
        })];

    private static string EventJson(int i, DateTimeOffset time, int x, string c) =>
        $$$"""{"event_id":"e-{{{i}}}","event_time":"{{{time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}}}","model":{"name":"m","version":"1"},"subject_id":"subject-{{{i}}}","consent":["monitoring"],"features":{"x":{{{x}}},"c":"{{{c}}}"},"prediction":{"label":"yes","score":0.5}}""";

    private static List<JsonElement> Metrics(PipelineHarness h) =>
        [.. h.ReadAll(h.Topics.Metrics, 1, TimeSpan.FromSeconds(3)).Select(r => JsonDocument.Parse(r.Message.Value!).RootElement)];

    private static HashSet<string> ReleaseIds(PipelineHarness h) =>
        [.. h.ReadAll(h.Topics.Ledger, 0, TimeSpan.FromSeconds(1))
            .Select(r => Encoding.UTF8.GetString(r.Message.Key!))
            .Where(k => k.StartsWith("release|", StringComparison.Ordinal))];
}
