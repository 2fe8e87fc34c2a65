using StreamPrivacy.Core.Drift;
using StreamPrivacy.Core.Windowing;

namespace StreamPrivacy.Core.Tests.Windowing;

public sealed class DriftAlertTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DriftAlertKey Key = new("s", "age", DriftMetric.Psi);

    [Fact]
    public void Observe_DefaultCounts_RaiseOnceQuietResolveOnceReraise()
    {
        var tracker = new DriftAlertTracker();

        var transitions = Run(tracker, Key, false, true, true, true, false, false, true, false);

        Assert.Equal(
            [
                AlertTransition.None, AlertTransition.Raised, AlertTransition.None, AlertTransition.None,
                AlertTransition.Resolved, AlertTransition.None, AlertTransition.Raised, AlertTransition.Resolved,
            ],
            transitions);
        Assert.False(tracker.IsRaised(Key));
    }

    [Fact]
    public void Observe_RaiseAfterTwo_NeedsConsecutiveDriftedWindows()
    {
        var tracker = new DriftAlertTracker(raiseAfter: 2, resolveAfter: 3);

        var transitions = Run(tracker, Key, true, false, true, true, true, false, false, true, false, false, false);

        Assert.Equal(
            [
                AlertTransition.None, AlertTransition.None, AlertTransition.None, AlertTransition.Raised, AlertTransition.None,
                AlertTransition.None, AlertTransition.None, AlertTransition.None,
                AlertTransition.None, AlertTransition.None, AlertTransition.Resolved,
            ],
            transitions);
    }

    [Fact]
    public void Observe_KeysIndependent()
    {
        var tracker = new DriftAlertTracker();
        var other = Key with { Metric = DriftMetric.Js };

        Assert.Equal(AlertTransition.Raised, tracker.Observe(Key, true, WindowAt(0)));
        Assert.Equal(AlertTransition.None, tracker.Observe(other, false, WindowAt(0)));
        Assert.True(tracker.IsRaised(Key));
        Assert.False(tracker.IsRaised(other));
    }

    [Fact]
    public void Observe_ReplayedOrOlderWindow_Ignored()
    {
        var tracker = new DriftAlertTracker();
        Assert.Equal(AlertTransition.Raised, tracker.Observe(Key, true, WindowAt(1)));

        Assert.Equal(AlertTransition.None, tracker.Observe(Key, true, WindowAt(1)));
        Assert.Equal(AlertTransition.None, tracker.Observe(Key, false, WindowAt(0)));
        Assert.True(tracker.IsRaised(Key));
        Assert.Equal(AlertTransition.Resolved, tracker.Observe(Key, false, WindowAt(2)));
    }

    [Fact]
    public void Constructor_CountBelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DriftAlertTracker(raiseAfter: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DriftAlertTracker(resolveAfter: 0));
    }

    private static Window WindowAt(int index) => new(T0.AddMinutes(5 * index), T0.AddMinutes(5 * (index + 1)));

    private static AlertTransition[] Run(DriftAlertTracker tracker, DriftAlertKey key, params bool[] drifted) =>
        drifted.Select((d, i) => tracker.Observe(key, d, WindowAt(i))).ToArray();
}
