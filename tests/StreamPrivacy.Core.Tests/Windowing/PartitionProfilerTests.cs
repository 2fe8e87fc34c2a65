using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using StreamPrivacy.Core.Drift;
using StreamPrivacy.Core.Windowing;

namespace StreamPrivacy.Core.Tests.Windowing;

public sealed class PartitionProfilerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly StreamId Stream = new("m", "1", "inference");

    private static ReferenceProfile Reference()
    {
        var builder = new ReferenceProfileBuilder(4);
        for (var i = 0; i < 100; i++)
        {
            builder.AddNumber("x", i);
        }

        return builder.Build();
    }

    private static JsonElement Event(double x) => JsonDocument.Parse("{\"features\":{\"x\":" + x.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}}").RootElement;

    private static PartitionProfiler Profiler(FakeTimeProvider time, int k = 1) =>
        new(0, WindowSpec.Tumbling(TimeSpan.FromMinutes(1)), new WatermarkOptions { OutOfOrderness = TimeSpan.Zero, IdleTimeout = TimeSpan.FromSeconds(5) }, k, time);

    [Fact]
    public void Add_SubjectOverTheBound_IsNotCountedAndTheWindowClosesOnceWithExactCounts()
    {
        var time = new FakeTimeProvider(T0);
        var profiler = Profiler(time, k: 1);
        var reference = Reference();
        Assert.Equal(WindowAddResult.Counted, profiler.Add(Stream, reference, T0.AddSeconds(1), "s1", 100, Event(10)));
        Assert.Equal(WindowAddResult.OverContributionBound, profiler.Add(Stream, reference, T0.AddSeconds(2), "s1", 101, Event(90)));
        Assert.Equal(WindowAddResult.Counted, profiler.Add(Stream, reference, T0.AddSeconds(3), null, 102, Event(90)));
        Assert.Equal(100, profiler.LowestOpenOffset);

        // The next window's record moves the partition watermark past the first window.
        profiler.Add(Stream, reference, T0.AddMinutes(1), "s2", 103, Event(50));
        var closed = Assert.Single(profiler.CloseReady());
        Assert.Equal(2, closed.State.Events);
        Assert.Equal(2, closed.State.Histograms[0].Total);
        Assert.Equal(103, profiler.LowestOpenOffset);
        Assert.Empty(profiler.CloseReady());

        // Late data never changes a closed window.
        Assert.Equal(WindowAddResult.Late, profiler.Add(Stream, reference, T0.AddSeconds(30), "s3", 104, Event(1)));
        Assert.Equal(1, profiler.LateCount(Stream));
    }

    [Fact]
    public void CloseReady_IdlePartition_ClosesByWallClock()
    {
        var time = new FakeTimeProvider(T0.AddMinutes(10));
        var profiler = Profiler(time);
        profiler.Add(Stream, Reference(), T0, "s1", 0, Event(1));
        Assert.Empty(profiler.CloseReady());
        time.Advance(TimeSpan.FromSeconds(6));
        Assert.Single(profiler.CloseReady());
        Assert.Null(profiler.LowestOpenOffset);
        Assert.NotNull(profiler.Watermark);
    }
}
