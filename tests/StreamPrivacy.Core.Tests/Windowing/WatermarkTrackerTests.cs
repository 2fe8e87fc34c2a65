using Microsoft.Extensions.Time.Testing;
using StreamPrivacy.Core.Windowing;

namespace StreamPrivacy.Core.Tests.Windowing;

public sealed class WatermarkTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(T0);

    [Fact]
    public void Watermark_OutOfOrderEvents_IsMaxMinusOutOfOrderness()
    {
        var tracker = new WatermarkTracker(timeProvider: _clock);

        tracker.Observe(0, T0.AddMinutes(3));
        tracker.Observe(0, T0.AddMinutes(1));

        Assert.Equal(T0.AddMinutes(3), tracker.Partition(0)!.MaxEventTime);
        Assert.Equal(T0.AddMinutes(3).AddSeconds(-30), tracker.Advance());
    }

    [Fact]
    public void PartitionWatermark_ClosesAtEndPlusGrace()
    {
        var options = new WatermarkOptions { OutOfOrderness = TimeSpan.FromSeconds(10), Grace = TimeSpan.FromSeconds(5) };
        var partition = new PartitionWatermark(0, options, T0);
        var window = new Window(T0, T0.AddMinutes(5));

        partition.Observe(T0.AddMinutes(5).AddSeconds(14), T0);
        Assert.False(partition.HasClosed(window));

        partition.Observe(T0.AddMinutes(5).AddSeconds(15), T0);
        Assert.True(partition.HasClosed(window));
    }

    [Fact]
    public void Advance_TwoPartitions_IsMinimum()
    {
        var tracker = new WatermarkTracker(new WatermarkOptions { OutOfOrderness = TimeSpan.Zero }, _clock);

        tracker.Observe(0, T0.AddMinutes(10));
        tracker.Observe(1, T0.AddMinutes(2));

        Assert.Equal(T0.AddMinutes(2), tracker.Advance());
        Assert.False(tracker.IsClosed(new Window(T0, T0.AddMinutes(5))));

        tracker.Observe(1, T0.AddMinutes(6));
        Assert.Equal(T0.AddMinutes(6), tracker.Advance());
        Assert.True(tracker.IsClosed(new Window(T0, T0.AddMinutes(5))));
    }

    [Fact]
    public void Advance_AssignedPartitionWithoutRecords_HoldsWatermarkUntilIdle()
    {
        var tracker = new WatermarkTracker(new WatermarkOptions { OutOfOrderness = TimeSpan.Zero }, _clock);
        tracker.Assign(1);
        tracker.Observe(0, T0.AddMinutes(10));

        Assert.Null(tracker.Advance());

        _clock.Advance(TimeSpan.FromSeconds(29));
        tracker.Observe(0, T0.AddMinutes(10));
        Assert.Null(tracker.Advance());

        // Partition 1 has now been silent for 30 s; partition 0 is still active.
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(T0.AddMinutes(10), tracker.Advance());
    }

    [Fact]
    public void Advance_IdlePartition_ExcludedFromMinimum()
    {
        var tracker = new WatermarkTracker(new WatermarkOptions { OutOfOrderness = TimeSpan.Zero }, _clock);
        tracker.Observe(0, T0.AddMinutes(1));
        tracker.Observe(1, T0.AddMinutes(1));
        Assert.Equal(T0.AddMinutes(1), tracker.Advance());

        _clock.Advance(TimeSpan.FromSeconds(20));
        tracker.Observe(0, T0.AddMinutes(8));
        Assert.Equal(T0.AddMinutes(1), tracker.Advance());

        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(tracker.Partition(1)!.IsIdle(_clock.GetUtcNow()));
        Assert.Equal(T0.AddMinutes(8), tracker.Advance());
    }

    [Fact]
    public void Advance_AllPartitionsIdle_FollowsWallClock()
    {
        var tracker = new WatermarkTracker(timeProvider: _clock);
        tracker.Observe(0, T0.AddMinutes(1));
        tracker.Observe(1, T0.AddMinutes(2));

        _clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(_clock.GetUtcNow().AddSeconds(-30), tracker.Advance());
    }

    [Fact]
    public void Advance_PartitionReturnsFromIdleWithOlderTime_NeverMovesBack()
    {
        var tracker = new WatermarkTracker(timeProvider: _clock);
        tracker.Observe(0, T0);
        _clock.Advance(TimeSpan.FromMinutes(10));
        var advanced = tracker.Advance();

        tracker.Observe(0, T0.AddMinutes(1));

        Assert.Equal(advanced, tracker.Advance());
        Assert.Equal(advanced, tracker.Current);
    }

    [Fact]
    public void Advance_NoPartitions_IsNull()
    {
        var tracker = new WatermarkTracker(timeProvider: _clock);
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Null(tracker.Advance());
    }

    [Fact]
    public void Revoke_LaggingPartition_NoLongerHoldsWatermark()
    {
        var tracker = new WatermarkTracker(new WatermarkOptions { OutOfOrderness = TimeSpan.Zero }, _clock);
        tracker.Observe(0, T0.AddMinutes(9));
        tracker.Observe(1, T0);

        tracker.Revoke(1);

        Assert.Equal(T0.AddMinutes(9), tracker.Advance());
    }

    [Fact]
    public void Options_Negative_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WatermarkTracker(new WatermarkOptions { Grace = TimeSpan.FromSeconds(-1) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WatermarkTracker(new WatermarkOptions { IdleTimeout = TimeSpan.Zero }));
    }
}
