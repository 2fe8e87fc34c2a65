using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using StreamPrivacy.Core.Drift;
using StreamPrivacy.Core.Windowing;

namespace StreamPrivacy.Benchmarks.State;

/// <summary>
/// `state-memory [--subjects S]`: feeds the profile stage's per-partition state (windows, contribution
/// bounder, histograms of a 50-feature reference) with 100k, 1M and 4M events of S subjects over
/// 5-minute windows, closing windows as the watermark passes, and prints the managed heap after each
/// run. State memory must depend on the open windows and their subjects, not on the event count.
/// </summary>
internal static class ProfileStateMemory
{
    public static int Run(string[] args)
    {
        var subjects = args.Length >= 2 && args[0] == "--subjects" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var reference = Reference();
        var events = Events(reference, 64);
        Console.WriteLine($"profile state: 50 features, {subjects:N0} subjects, 5-minute windows, 1,000 events per second of event time");
        foreach (var total in new[] { 100_000, 1_000_000, 4_000_000 })
        {
            var (heap, open, closed, seconds) = Measure(reference, events, subjects, total);
            Console.WriteLine($"{total,10:N0} events: heap after GC {heap / 1024.0 / 1024.0,7:0.0} MiB, open windows {open}, closed {closed}, {total / seconds / 1e6:0.00}M events/s");
        }

        return 0;
    }

    private static (long Heap, int Open, int Closed, double Seconds) Measure(ReferenceProfile reference, JsonElement[] events, int subjects, int total)
    {
        var start = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
        var time = new ManualClock(start);
        var profiler = new PartitionProfiler(0, WindowSpec.Tumbling(TimeSpan.FromMinutes(5)), new WatermarkOptions { OutOfOrderness = TimeSpan.FromSeconds(30) }, 1, time);
        var stream = new StreamId("bench", "1", "inference");
        var closed = 0;
        var subjectNames = Enumerable.Range(0, subjects).Select(i => "ps_" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var eventTime = start.AddMilliseconds(i);
            profiler.Add(stream, reference, eventTime, subjectNames[i % subjects], i, events[i % events.Length]);
            if (i % 10_000 == 0)
            {
                closed += profiler.CloseReady().Count;
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(profiler);
        return (heap, profiler.OpenWindowCount, closed, seconds);
    }

    private static ReferenceProfile Reference()
    {
        var builder = new ReferenceProfileBuilder(10);
        for (var i = 0; i < 2_000; i++)
        {
            for (var f = 0; f < 40; f++)
            {
                builder.AddNumber("n" + f.ToString(CultureInfo.InvariantCulture), Math.Sin((i * 13) + f) * 100);
            }

            for (var f = 0; f < 10; f++)
            {
                builder.AddCategory("c" + f.ToString(CultureInfo.InvariantCulture), "k" + ((i + f) % 6).ToString(CultureInfo.InvariantCulture));
            }
        }

        return builder.Build();
    }

    private static JsonElement[] Events(ReferenceProfile reference, int count) =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            var features = string.Join(',', reference.Features.Select(f => f.Kind == FeatureKind.Numeric
                ? $"\"{f.Name}\":{(Math.Cos(i + f.Name.Length) * 120).ToString("R", CultureInfo.InvariantCulture)}"
                : $"\"{f.Name}\":\"k{i % 7}\""));
            return JsonDocument.Parse("{\"features\":{" + features + "}}").RootElement;
        })];

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
