using System.Diagnostics;
using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using StreamPrivacy.Core.Events;
using StreamPrivacy.Core.Simulation;
using StreamPrivacy.Kafka.Configuration;
using StreamPrivacy.Kafka.Embedded;
using StreamPrivacy.Kafka.Hosting;
using StreamPrivacy.Kafka.Runtime;

namespace StreamPrivacy.Benchmarks.EndToEnd;

/// <summary>
/// Pushes N synthetic events through the pipeline on the embedded cluster and, in the same run, through
/// a plain consume→produce passthrough; prints both throughputs and their ratio. Time is measured from
/// the first record consumed to the last output acknowledged, so consumer-group formation is excluded
/// for both alike. The process CPU time of each run is printed too (the machine may be shared).
/// With <c>--warm</c> the pipeline runs a second time over the same records (new consumer group), once
/// the JIT has compiled the transform: the steady-state figure without tiered-compilation warm-up.
/// </summary>
internal static class EndToEndHarness
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    public static async Task<int> RunAsync(string[] args)
    {
        var events = ArgValue(args, "--events", 100_000);
        var partitions = (int)ArgValue(args, "--partitions", 24);
        var threads = (int)ArgValue(args, "--threads", 1);
        var options = new StreamPrivacyOptions();
        var workers = (int)ArgValue(args, "--workers", options.Processing.Workers);
        var warm = args.Contains("--warm");
        using var cluster = EmbeddedKafkaCluster.Start(3);
        options.Processing.Threads = threads;
        // --sanitize-only: the sanitize transform alone (no leakage checks, no lineage) against the passthrough.
        // --warmup N: processing.warmup_events (0: no start-up warm-up of the transform).
        if (args.Contains("--sanitize-only"))
        {
            options.Leakage.Enabled = false;
            options.Lineage.Enabled = false;
        }
        options.Processing.Workers = workers;
        options.Processing.WarmupEvents = (int)ArgValue(args, "--warmup", options.Processing.WarmupEvents);

        TopicProvisioner.Provision(cluster, options.Topics, partitions);
        const string passthroughTopic = "bench.passthrough";
        cluster.CreateTopic(passthroughTopic, partitions);

        var prefill = Stopwatch.StartNew();
        Prefill(cluster.BootstrapServers, options.Topics, events);
        Console.WriteLine($"prefilled {events:N0} events in {prefill.Elapsed.TotalSeconds:0.00}s on {partitions} partitions per raw topic; sanitize: {threads} consumer(s) x {workers} worker(s)");

        var baseline = new PassthroughBaseline();
        var (baselineTime, baselineCpu) = await MeasureAsync(
            ct => baseline.RunAsync(cluster.BootstrapServers, [options.Topics.InferenceRaw, options.Topics.FeaturesRaw], passthroughTopic, ct),
            () => baseline.Consumed,
            () => baseline.Consumed >= events && baseline.Acknowledged >= events,
            "passthrough");

        var pipeline = Pipeline.Create(options, cluster.BootstrapServers, NullLoggerFactory.Instance, TimeProvider.System, "bench");
        var s = pipeline.Sanitize;
        var (pipelineTime, pipelineCpu) = await MeasureAsync(
            pipeline.RunAsync,
            () => s.Consumed,
            () => s.Consumed >= events && Settled(pipeline),
            "pipeline");

        var warmRun = TimeSpan.Zero;
        var warmCpu = TimeSpan.Zero;
        if (warm)
        {
            options.Processing.GroupIdPrefix = "streamprivacy-warm";
            var again = Pipeline.Create(options, cluster.BootstrapServers, NullLoggerFactory.Instance, TimeProvider.System, "bench-warm");
            var w = again.Sanitize;
            (warmRun, warmCpu) = await MeasureAsync(again.RunAsync, () => w.Consumed, () => w.Consumed >= events && Settled(again), "pipeline (second run)");
        }

        var baselineRate = events / baselineTime.TotalSeconds;
        var pipelineRate = events / pipelineTime.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"passthrough: {events:N0} events in {baselineTime.TotalSeconds:0.000}s = {baselineRate:N0} events/s (cpu {baselineCpu.TotalSeconds:0.00}s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pipeline   : {events:N0} events in {pipelineTime.TotalSeconds:0.000}s = {pipelineRate:N0} events/s (cpu {pipelineCpu.TotalSeconds:0.00}s; sanitized {pipeline.Sanitized:N0}, no consent {s.Dropped:N0}, rejected {s.Rejected:N0})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio pipeline/passthrough: {pipelineRate / baselineRate:0.00}"));
        if (warm)
        {
            var warmRate = events / warmRun.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pipeline, second run (JIT warm): {events:N0} events in {warmRun.TotalSeconds:0.000}s = {warmRate:N0} events/s (cpu {warmCpu.TotalSeconds:0.00}s), ratio {warmRate / baselineRate:0.00}"));
        }
        return 0;
    }

    // Every consumed record accounted for: sanitized and acknowledged, dropped for consent, or rejected
    // (dead-lettered). The stage's produced count alone also holds audit entries and leakage alerts.
    private static bool Settled(Pipeline pipeline) =>
        pipeline.Sanitized + pipeline.Sanitize.Rejected >= pipeline.Sanitize.Consumed - pipeline.Sanitize.Dropped;

    private static async Task<(TimeSpan Elapsed, TimeSpan Cpu)> MeasureAsync(Func<CancellationToken, Task> run, Func<long> consumed, Func<bool> done, string name)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var startCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var start = Stopwatch.StartNew();
        var task = run(cts.Token);
        // Polled every 5 ms (≤ 0.5 % of a 1-second run): a 1 ms poll kept a thread-pool thread waking and
        // spinning, CPU taken from whichever run was being measured.
        while (consumed() == 0 && !task.IsCompleted)
        {
            await Task.Delay(PollInterval);
        }

        // Group join (and for the pipeline the transform warm-up before it): not in the measured span, shown here.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: first record after {start.Elapsed.TotalSeconds:0.000}s (cpu {(Process.GetCurrentProcess().TotalProcessorTime - startCpu).TotalSeconds:0.00}s)"));

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        while (!done() && !task.IsCompleted)
        {
            await Task.Delay(PollInterval);
        }

        var elapsed = clock.Elapsed;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        await cts.CancelAsync();
        await task;
        return (elapsed, cpu);
    }

    private static void Prefill(string bootstrap, TopicOptions topics, long events)
    {
        var generator = new SyntheticTrafficGenerator(new SyntheticTrafficOptions(), TimeProvider.System);
        using var producer = new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig { BootstrapServers = bootstrap, LingerMs = 10, EnableIdempotence = true }).Build();
        for (long i = 0; i < events; i++)
        {
            var r = generator.Next();
            var message = new Message<byte[]?, byte[]> { Key = r.Key is null ? null : Encoding.UTF8.GetBytes(r.Key), Value = r.Payload };
            producer.ProduceWithBackpressure(r.Kind == EventKind.Features ? topics.FeaturesRaw : topics.InferenceRaw, message);
        }

        producer.Flush(TimeSpan.FromMinutes(2));
    }

    private static long ArgValue(string[] args, string name, long fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? long.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
