using StreamPrivacy.Core.Drift;
using StreamPrivacy.Core.Windowing;

namespace StreamPrivacy.Core.Tests.Windowing;

public sealed class PartialMergerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly Window W = new(T0, T0.AddMinutes(5));
    private static readonly StreamId Stream = new("m", "1", "inference");
    private static readonly Dictionary<string, int> TwoPartitions = new() { ["in"] = 2 };

    private static PartialWindow Partial(int partition, long a, long b, string hash = "h") =>
        new(Stream, W, "in", partition, hash, new Dictionary<string, long[]> { ["x"] = [a, b] }, new Dictionary<string, long> { ["x"] = 0 }, a + b, 0);

    [Fact]
    public void TakeReady_UntilEverySourcePartitionPassedTheWindow_ReleasesNothing()
    {
        var merger = new PartialMerger();
        merger.Add(Partial(0, 1, 2), offset: 10);
        merger.ObserveWatermark("in", 0, W.End);
        Assert.Empty(merger.TakeReady(TwoPartitions, TimeSpan.Zero));
        merger.ObserveWatermark("in", 1, W.End.AddSeconds(-1));
        Assert.Empty(merger.TakeReady(TwoPartitions, TimeSpan.Zero));
        merger.ObserveWatermark("in", 1, W.End);
        var ready = Assert.Single(merger.TakeReady(TwoPartitions, TimeSpan.Zero));
        Assert.Equal([1L, 2L], ready.Counts["x"]);
        Assert.Empty(merger.TakeReady(TwoPartitions, TimeSpan.Zero));
    }

    [Fact]
    public void Add_ReplayedPartialOfTheSameSource_FirstWinsAndCountsAreNotDoubled()
    {
        var merger = new PartialMerger();
        Assert.Equal(PartialMergeResult.Merged, merger.Add(Partial(0, 1, 2), 10));
        Assert.Equal(PartialMergeResult.Merged, merger.Add(Partial(1, 5, 5), 11));
        Assert.Equal(PartialMergeResult.Duplicate, merger.Add(Partial(0, 100, 100), 12));
        merger.ObserveWatermark("in", 0, W.End);
        merger.ObserveWatermark("in", 1, W.End);
        Assert.Equal([6L, 7L], Assert.Single(merger.TakeReady(TwoPartitions, TimeSpan.Zero)).Counts["x"]);
    }

    [Fact]
    public void Add_PartialWithOtherReferenceBins_IsRefused()
    {
        var merger = new PartialMerger();
        merger.Add(Partial(0, 1, 2), 10);
        Assert.Equal(PartialMergeResult.ReferenceMismatch, merger.Add(Partial(1, 1, 2, hash: "other"), 11));
    }

    [Fact]
    public void ObserveWatermark_OlderAnnouncement_NeverMovesItBack()
    {
        var merger = new PartialMerger();
        merger.ObserveWatermark("in", 0, W.End);
        merger.ObserveWatermark("in", 1, W.End);
        merger.ObserveWatermark("in", 0, T0);
        Assert.Equal(W.End, merger.CombinedWatermark(TwoPartitions));
    }

    [Fact]
    public void LowestPendingOffset_TracksTheFirstPartialOfTheOldestPendingWindow()
    {
        var merger = new PartialMerger();
        Assert.Null(merger.LowestPendingOffset);
        merger.Add(Partial(0, 1, 2), 42);
        merger.Add(Partial(1, 1, 2), 50);
        Assert.Equal(42, merger.LowestPendingOffset);
        merger.ObserveWatermark("in", 0, W.End);
        merger.ObserveWatermark("in", 1, W.End);
        merger.TakeReady(TwoPartitions, TimeSpan.Zero);
        Assert.Null(merger.LowestPendingOffset);
    }
}
