using Microsoft.Extensions.Time.Testing;
using StreamPrivacy.Core.Drift;
using StreamPrivacy.Core.Windowing;

namespace StreamPrivacy.Core.Tests.Windowing;

public sealed class WindowedAggregatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Window W0 = new(T0, T0.AddMinutes(5));
    private static readonly Window W1 = new(T0.AddMinutes(5), T0.AddMinutes(10));

    private readonly FakeTimeProvider _clock = new(T0);

    [Fact]
    public void CloseReady_WatermarkPastEnd_ReturnsWindowOnce()
    {
        var aggregator = CreateCounter();
        aggregator.Add("s", T0.AddMinutes(1), 0, c => c.Value++);
        aggregator.Add("s", T0.AddMinutes(2), 0, c => c.Value++);
        Assert.Empty(aggregator.CloseReady());

        // Watermark = 5:30 − 30 s = 5:00 = end of W0.
        aggregator.Add("s", T0.AddMinutes(5).AddSeconds(30), 0, c => c.Value++);
        var closed = Assert.Single(aggregator.CloseReady());

        Assert.Equal("s", closed.StreamKey);
        Assert.Equal(W0, closed.Window);
        Assert.Equal(2, closed.State.Value);
        Assert.Empty(aggregator.CloseReady());
        Assert.Empty(aggregator.CloseReady());
        Assert.Equal(1, aggregator.OpenWindowCount);
    }

    [Fact]
    public void CloseReady_WatermarkOneTickShortOfEnd_KeepsWindowOpen()
    {
        var aggregator = CreateCounter();
        aggregator.Add("s", T0, 0, c => c.Value++);

        aggregator.Add("s", T0.AddMinutes(5).AddSeconds(30).AddTicks(-1), 0, c => c.Value++);

        Assert.Empty(aggregator.CloseReady());
    }

    [Fact]
    public void Add_OutOfOrderWithinBound_CountedInItsWindow()
    {
        var aggregator = CreateCounter();
        aggregator.Add("s", T0.AddMinutes(5).AddSeconds(20), 0, c => c.Value++);
        aggregator.CloseReady();

        // 20 s behind the newest record, within the 30 s out-of-orderness: W0 is still open.
        Assert.Equal(WindowAddResult.Counted, aggregator.Add("s", T0.AddMinutes(5), 0, c => c.Value++));
        Assert.Equal(WindowAddResult.Counted, aggregator.Add("s", T0.AddMinutes(4).AddSeconds(59), 0, c => c.Value++));

        aggregator.Add("s", T0.AddMinutes(10).AddSeconds(30), 0, c => c.Value++);
        var closed = aggregator.CloseReady();

        Assert.Equal([W0, W1], closed.Select(c => c.Window));
        Assert.Equal([1, 2], closed.Select(c => c.State.Value));
    }

    [Fact]
    public void Add_RecordForClosedWindow_LateAndWindowUnchanged()
    {
        var aggregator = CreateCounter();
        aggregator.Add("s", T0.AddMinutes(1), 0, c => c.Value++);
        aggregator.Add("s", T0.AddMinutes(6), 0, c => c.Value++);
        var closed = Assert.Single(aggregator.CloseReady());

        var result = aggregator.Add("s", T0.AddMinutes(2), 0, c => c.Value += 100);

        Assert.Equal(WindowAddResult.Late, result);
        Assert.Equal(1, aggregator.LateCount("s"));
        Assert.Equal(0, aggregator.LateCount("other"));
        Assert.Equal(1, aggregator.TotalLate);
        Assert.Equal(1, closed.State.Value);
        Assert.DoesNotContain(aggregator.CloseReady(), c => c.Window == W0);
    }

    [Fact]
    public void Add_LateForWindowNeverOpened_DoesNotCreateState()
    {
        var aggregator = CreateCounter();
        aggregator.Add("s", T0.AddMinutes(20), 0, c => c.Value++);
        aggregator.CloseReady();

        Assert.Equal(WindowAddResult.Late, aggregator.Add("s", T0.AddMinutes(1), 0, c => c.Value++));
        Assert.Equal(1, aggregator.OpenWindowCount);
    }

    [Fact]
    public void Add_PastWatermarkBeforeCloseReady_LateNotMerged()
    {
        var aggregator = CreateCounter();
        aggregator.Add("s", T0.AddMinutes(1), 0, c => c.Value++);
        aggregator.Add("s", T0.AddMinutes(6), 0, c => c.Value++);
        aggregator.Watermarks.Advance();

        // W0 is closed by the watermark though not yet handed out: its content is already fixed.
        Assert.Equal(WindowAddResult.Late, aggregator.Add("s", T0.AddMinutes(2), 0, c => c.Value++));
        Assert.Equal(1, aggregator.CloseReady().Single(c => c.Window == W0).State.Value);
    }

    [Fact]
    public void CloseReady_ManyWindowsAndStreams_InWindowOrderThenStream()
    {
        var aggregator = CreateCounter();
        aggregator.Add("b", T0.AddMinutes(6), 0, c => c.Value++);
        aggregator.Add("a", T0.AddMinutes(7), 0, c => c.Value++);
        aggregator.Add("b", T0.AddMinutes(1), 0, c => c.Value++);
        aggregator.Add("a", T0.AddMinutes(2), 0, c => c.Value++);
        aggregator.Add("c", T0.AddMinutes(30), 0, c => c.Value++);

        var closed = aggregator.CloseReady();

        Assert.Equal(
            [("a", W0), ("b", W0), ("a", W1), ("b", W1)],
            closed.Select(c => (c.StreamKey, c.Window)));
    }

    [Fact]
    public void CloseReady_TwoPartitions_WaitsForSlowerPartition()
    {
        var aggregator = CreateCounter();
        aggregator.Add("s", T0.AddMinutes(1), 0, c => c.Value++);
        aggregator.Add("s", T0.AddMinutes(2), 1, c => c.Value++);
        aggregator.Add("s", T0.AddMinutes(9), 0, c => c.Value++);

        Assert.Empty(aggregator.CloseReady());

        aggregator.Add("s", T0.AddMinutes(6), 1, c => c.Value++);
        var closed = Assert.Single(aggregator.CloseReady());

        Assert.Equal(W0, closed.Window);
        Assert.Equal(2, closed.State.Value);
    }

    [Fact]
    public void CloseReady_AllPartitionsIdle_ClosesByWallClock()
    {
        var aggregator = CreateCounter();
        aggregator.Add("s", T0.AddMinutes(1), 0, c => c.Value++);
        aggregator.Add("s", T0.AddMinutes(2), 1, c => c.Value++);
        Assert.Empty(aggregator.CloseReady());

        _clock.SetUtcNow(T0.AddMinutes(5).AddSeconds(29));
        Assert.Empty(aggregator.CloseReady());

        _clock.SetUtcNow(T0.AddMinutes(5).AddSeconds(30));
        var closed = Assert.Single(aggregator.CloseReady());

        Assert.Equal(W0, closed.Window);
        Assert.Equal(2, closed.State.Value);
        Assert.Empty(aggregator.CloseReady());
    }

    [Fact]
    public void CloseReady_OnePartitionIdle_ClosesByActivePartition()
    {
        var aggregator = CreateCounter();
        aggregator.Add("s", T0.AddMinutes(1), 0, c => c.Value++);
        aggregator.Add("s", T0.AddMinutes(1), 1, c => c.Value++);

        _clock.Advance(TimeSpan.FromSeconds(31));
        aggregator.Add("s", T0.AddMinutes(6), 0, c => c.Value++);

        Assert.Equal(W0, Assert.Single(aggregator.CloseReady()).Window);
    }

    [Fact]
    public void CloseReady_Grace_DelaysClosing()
    {
        var tracker = new WatermarkTracker(new WatermarkOptions { OutOfOrderness = TimeSpan.Zero, Grace = TimeSpan.FromMinutes(1) }, _clock);
        var aggregator = new WindowedAggregator<Counter>(WindowSpec.Tumbling(), tracker, (_, _) => new Counter());
        aggregator.Add("s", T0, 0, c => c.Value++);

        aggregator.Add("s", T0.AddMinutes(5).AddSeconds(59), 0, c => c.Value++);
        Assert.Empty(aggregator.CloseReady());
        Assert.Equal(WindowAddResult.Counted, aggregator.Add("s", T0.AddMinutes(4), 0, c => c.Value++));

        aggregator.Add("s", T0.AddMinutes(6), 0, c => c.Value++);
        Assert.Equal(2, Assert.Single(aggregator.CloseReady()).State.Value);
    }

    [Fact]
    public void Add_Hopping_UpdatesEveryContainingWindowAndSkipsClosedOnes()
    {
        var tracker = new WatermarkTracker(new WatermarkOptions { OutOfOrderness = TimeSpan.Zero }, _clock);
        var spec = WindowSpec.Hopping(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(5));
        var aggregator = new WindowedAggregator<Counter>(spec, tracker, (_, _) => new Counter());

        aggregator.Add("s", T0.AddMinutes(7), 0, c => c.Value++);
        Assert.Equal(2, aggregator.OpenWindowCount);

        aggregator.Add("s", T0.AddMinutes(10), 0, c => c.Value++);
        var first = Assert.Single(aggregator.CloseReady());
        Assert.Equal(new Window(T0, T0.AddMinutes(10)), first.Window);

        // In [T0, T0+10) (closed) and [T0+5, T0+15) (open): counted in the open one only.
        Assert.Equal(WindowAddResult.Counted, aggregator.Add("s", T0.AddMinutes(9), 0, c => c.Value++));
        Assert.Equal(1, first.State.Value);

        aggregator.Add("s", T0.AddMinutes(15), 0, c => c.Value++);
        var second = Assert.Single(aggregator.CloseReady());
        Assert.Equal(new Window(T0.AddMinutes(5), T0.AddMinutes(15)), second.Window);
        Assert.Equal(3, second.State.Value);
    }

    [Fact]
    public void Add_WithBounder_CapsSubjectAndResetsOnClose()
    {
        var bounder = new ContributionBounder(maxPerWindow: 2);
        var aggregator = CreateCounter(bounder);

        Assert.Equal(WindowAddResult.Counted, aggregator.Add("s", T0.AddMinutes(1), 0, "alice", c => c.Value++));
        Assert.Equal(WindowAddResult.Counted, aggregator.Add("s", T0.AddMinutes(2), 0, "alice", c => c.Value++));
        Assert.Equal(WindowAddResult.OverContributionBound, aggregator.Add("s", T0.AddMinutes(3), 0, "alice", c => c.Value++));
        Assert.Equal(WindowAddResult.Counted, aggregator.Add("s", T0.AddMinutes(3), 0, "bob", c => c.Value++));
        Assert.Equal(1, bounder.DroppedCount("s"));
        Assert.Equal(0, aggregator.TotalLate);

        aggregator.Add("s", T0.AddMinutes(6), 0, "carol", c => c.Value++);
        Assert.Equal(3, Assert.Single(aggregator.CloseReady()).State.Value);
        Assert.Equal(1, bounder.OpenWindowCount);

        // Late record for the closed window: late, not a bound decision, no subject state recreated.
        Assert.Equal(WindowAddResult.Late, aggregator.Add("s", T0.AddMinutes(4), 0, "dave", c => c.Value++));
        Assert.Equal(1, bounder.OpenWindowCount);
        Assert.Equal(WindowAddResult.Counted, aggregator.Add("s", T0.AddMinutes(7), 0, "alice", c => c.Value++));
    }

    [Fact]
    public void Add_SubjectWithoutBounder_Throws()
    {
        var aggregator = CreateCounter();

        Assert.Throws<InvalidOperationException>(() => aggregator.Add("s", T0, 0, "alice", c => c.Value++));
    }

    [Fact]
    public void Add_HistogramState_CountsIntoWindowHistogram()
    {
        var tracker = new WatermarkTracker(timeProvider: _clock);
        var layout = BinLayout.Numeric([0.0, 10.0]);
        var aggregator = new WindowedAggregator<FeatureHistogram>(WindowSpec.Tumbling(), tracker, (_, _) => new FeatureHistogram(layout));

        aggregator.Add("model-a", T0, 0, h => h.Add(5.0));
        aggregator.Add("model-a", T0.AddMinutes(1), 0, h => h.Add(50.0));
        aggregator.Add("model-a", T0.AddMinutes(6), 0, h => h.Add(1.0));

        var closed = Assert.Single(aggregator.CloseReady());
        Assert.Equal([0L, 1, 1], closed.State.Counts.ToArray());
    }

    [Fact]
    public void CloseReady_RandomOutOfOrderStream_EachWindowOnceAndEveryRecordAccounted()
    {
        var random = new Random(1234);
        var tracker = new WatermarkTracker(timeProvider: _clock);
        var spec = WindowSpec.Tumbling(TimeSpan.FromMinutes(1));
        var aggregator = new WindowedAggregator<Counter>(spec, tracker, (_, _) => new Counter());
        var seen = new HashSet<(string, Window)>();
        var lastEnd = DateTimeOffset.MinValue;
        long countedInClosed = 0;
        long counted = 0;

        for (var i = 0; i < 5_000; i++)
        {
            // Event times drift forward with up to 45 s of disorder, so some records are late.
            var eventTime = T0.AddSeconds(i * 0.5 - random.Next(0, 45));
            var stream = random.Next(2) == 0 ? "a" : "b";
            if (aggregator.Add(stream, eventTime, random.Next(3), c => c.Value++) == WindowAddResult.Counted)
            {
                counted++;
            }

            if (i % 7 == 0)
            {
                _clock.Advance(TimeSpan.FromMilliseconds(100));
                foreach (var closed in aggregator.CloseReady())
                {
                    Assert.True(seen.Add((closed.StreamKey, closed.Window)));
                    Assert.True(closed.Window.End >= lastEnd);
                    lastEnd = closed.Window.End;
                    countedInClosed += closed.State.Value;
                }
            }
        }

        Assert.True(aggregator.TotalLate > 0);
        Assert.Equal(5_000, counted + aggregator.TotalLate);
        Assert.True(aggregator.OpenWindowCount <= 6);

        // Idle for longer than the timeout: the wall clock closes everything still open.
        _clock.Advance(TimeSpan.FromHours(1));
        foreach (var closed in aggregator.CloseReady())
        {
            Assert.True(seen.Add((closed.StreamKey, closed.Window)));
            countedInClosed += closed.State.Value;
        }

        Assert.Equal(counted, countedInClosed);
        Assert.Equal(0, aggregator.OpenWindowCount);
    }

    private WindowedAggregator<Counter> CreateCounter(ContributionBounder? bounder = null) =>
        new(WindowSpec.Tumbling(), new WatermarkTracker(timeProvider: _clock), (_, _) => new Counter(), bounder);

    private sealed class Counter
    {
        public int Value { get; set; }
    }
}
