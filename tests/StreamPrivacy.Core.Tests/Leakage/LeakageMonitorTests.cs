using Microsoft.Extensions.Time.Testing;
using StreamPrivacy.Core.Leakage;

namespace StreamPrivacy.Core.Tests.Leakage;

public sealed class LeakageMonitorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, IReadOnlyDictionary<string, long>> NoPii = [];
    private static readonly Dictionary<string, int> NoCanary = [];

    private static Dictionary<string, IReadOnlyDictionary<string, long>> Pii(string entity) =>
        new() { ["$.text.response"] = new Dictionary<string, long> { [entity] = 1 } };

    [Fact]
    public void PiiInOutputs_OverThreeWindows_RaisesOnceThenResolvesOnce()
    {
        var time = new FakeTimeProvider(T0);
        var monitor = new LeakageMonitor(new LeakageSettings(), time);
        for (var i = 0; i < 50; i++)
        {
            monitor.ObserveEvent("m", "1", Pii("EMAIL_ADDRESS"), NoCanary, "c" + i, null);
        }

        Assert.Empty(monitor.CloseReady());
        time.Advance(TimeSpan.FromMinutes(1));
        var raised = Assert.Single(monitor.CloseReady());
        Assert.True(raised.Raised);
        Assert.Equal(LeakageKind.PiiInModelOutput, raised.Finding.Kind);
        Assert.Equal(50, raised.Finding.Count);
        Assert.Equal("$.text.response", raised.Finding.FieldPath);

        // Still leaking: no second raise. Then a clean window: one resolve.
        monitor.ObserveEvent("m", "1", Pii("EMAIL_ADDRESS"), NoCanary, "x", null);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(monitor.CloseReady());
        monitor.ObserveEvent("m", "1", NoPii, NoCanary, "x", null);
        time.Advance(TimeSpan.FromMinutes(1));
        var resolved = Assert.Single(monitor.CloseReady());
        Assert.False(resolved.Raised);
        Assert.Equal(raised.Finding.DedupKey, resolved.Finding.DedupKey);
    }

    [Fact]
    public void Probing_RepeatOlderThanTheHistory_IsNotANearDuplicate()
    {
        var time = new FakeTimeProvider(T0);
        var monitor = new LeakageMonitor(new LeakageSettings { NearDuplicateHistory = 4, ProbingMinQueries = 1, NearDuplicateShare = 0.01 }, time);
        string[] distinct = ["alpha beta gamma delta", "the weather in lisbon tomorrow", "explain my credit score please", "how many apples fit in a box", "summarise the underwriting notes"];
        foreach (var text in distinct)
        {
            monitor.ObserveEvent("m", "1", NoPii, NoCanary, "client", SimHash.Of(text));
        }

        // The first query left the 4-entry history when the fifth arrived: repeating it is not a near-duplicate.
        monitor.ObserveEvent("m", "1", NoPii, NoCanary, "client", SimHash.Of(distinct[0]));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(monitor.CloseReady());

        // A repeat of a query still in the history is.
        monitor.ObserveEvent("m", "1", NoPii, NoCanary, "client", SimHash.Of(distinct[3]));
        monitor.ObserveEvent("m", "1", NoPii, NoCanary, "client", SimHash.Of(distinct[3]));
        time.Advance(TimeSpan.FromMinutes(1));
        var probing = Assert.Single(monitor.CloseReady());
        Assert.Equal(LeakageKind.Probing, probing.Finding.Kind);
    }

    [Fact]
    public void ManyConditions_RaisesAtMostTheLimitPerWindowAndKind()
    {
        var time = new FakeTimeProvider(T0);
        var monitor = new LeakageMonitor(new LeakageSettings { MaxRaisedPerWindow = 3 }, time);
        foreach (var entity in new[] { "A", "B", "C", "D", "E" })
        {
            monitor.ObserveEvent("m", "1", Pii(entity), NoCanary, null, null);
        }

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(3, monitor.CloseReady().Count);
        Assert.Equal(2, monitor.Suppressed);
    }

    [Fact]
    public void Probing_ClientRepeatingNearDuplicateQueries_IsRaisedOthersAreNot()
    {
        var time = new FakeTimeProvider(T0);
        var monitor = new LeakageMonitor(new LeakageSettings(), time);
        for (var i = 0; i < 40; i++)
        {
            var probe = SimHash.Of($"what is the approval score for income {50_000 + i} and age 41 in country DE");
            monitor.ObserveEvent("m", "1", NoPii, NoCanary, "ps_prober", probe);
            var normal = SimHash.Of(i % 2 == 0 ? "explain the score in plain words" : $"summarise application {i} risk factors for the underwriter team");
            monitor.ObserveEvent("m", "1", NoPii, NoCanary, "ps_normal" + i, normal);
        }

        time.Advance(TimeSpan.FromMinutes(1));
        var alert = Assert.Single(monitor.CloseReady());
        Assert.Equal(LeakageKind.Probing, alert.Finding.Kind);
        Assert.Equal("ps_prober", alert.Finding.Client);
        Assert.True(alert.Finding.Detail >= 0.5);
    }

    [Fact]
    public void CanaryAndWithheld_AreRaised()
    {
        var time = new FakeTimeProvider(T0);
        var monitor = new LeakageMonitor(new LeakageSettings(), time);
        monitor.ObserveEvent("m", "1", NoPii, new Dictionary<string, int> { ["$.text.response"] = 1 }, null, null);
        monitor.ObserveWithheld(2);
        time.Advance(TimeSpan.FromMinutes(1));
        var kinds = monitor.CloseReady().Select(a => a.Finding.Kind).ToList();
        Assert.Equal([LeakageKind.CanaryHit, LeakageKind.PostRedactionHit], kinds);
    }
}
