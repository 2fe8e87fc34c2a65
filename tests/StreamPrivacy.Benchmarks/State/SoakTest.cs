using System.Diagnostics;
using System.Globalization;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using StreamPrivacy.Core.Simulation;
using StreamPrivacy.Kafka.Configuration;
using StreamPrivacy.Kafka.Embedded;
using StreamPrivacy.Kafka.Hosting;

namespace StreamPrivacy.Benchmarks.State;

/// <summary>
/// `soak [--minutes M] [--rate R]`: the whole pipeline (sanitize, profile, release with 10-second
/// windows) under sustained synthetic load on the embedded cluster; every 15 s prints throughput,
/// releases and memory (managed heap after a full GC, working set). Memory must stay flat.
/// </summary>
internal static class SoakTest
{
    public static async Task<int> RunAsync(string[] args)
    {
        var minutes = BenchSetup.Arg(args, "--minutes", 3);
        var rate = BenchSetup.Arg(args, "--rate", 4_000);
        using var cluster = EmbeddedKafkaCluster.Start(3);
        var options = new StreamPrivacyOptions();
        TopicProvisioner.Provision(cluster, options.Topics, 12);
        var referenceDirectory = BenchSetup.WriteReferences(options.Drift);
        options.Drift.Window = TimeSpan.FromSeconds(10);
        options.Drift.OutOfOrderness = TimeSpan.FromSeconds(3);
        options.Drift.IdleTimeout = TimeSpan.FromSeconds(5);
        options.Drift.EpsilonPerWindow = 1m;
        options.Drift.EpsilonPerPeriod = 100_000m;
        options.Leakage.Enabled = !args.Contains("--no-leakage");
        var pipeline = Pipeline.Create(options, cluster.BootstrapServers, NullLoggerFactory.Instance, TimeProvider.System, "soak");
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(minutes));
        var run = pipeline.RunAsync(stop.Token);

        var generator = new SyntheticTrafficGenerator(new SyntheticTrafficOptions(), TimeProvider.System);
        using var producer = new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers, LingerMs = 5, EnableIdempotence = true }).Build();
        Console.WriteLine($"soak: {minutes} min at {rate:N0} events/s, 12 partitions, 10 s windows");
        Console.WriteLine("  time  produced  sanitized  windows  heap MiB  working set MiB  gen2");
        var clock = Stopwatch.StartNew();
        var produced = 0L;
        var nextReport = TimeSpan.FromSeconds(15);
        var samples = new List<double>();
        while (!stop.IsCancellationRequested)
        {
            var due = (long)(clock.Elapsed.TotalSeconds * rate);
            if (due > produced)
            {
                BenchSetup.Produce(producer, generator, options.Topics, due - produced);
                produced = due;
            }

            if (clock.Elapsed >= nextReport)
            {
                nextReport += TimeSpan.FromSeconds(15);
                GC.Collect();
                var heap = GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / 1024.0;
                samples.Add(heap);
                using var self = Process.GetCurrentProcess();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{clock.Elapsed.TotalSeconds,6:0} {produced,9:N0} {pipeline.Sanitize.Produced,10:N0} {pipeline.ReleaseStage?.ReleaseCount ?? 0,8} {heap,9:0.0} {self.WorkingSet64 / 1024.0 / 1024.0,16:0} {GC.CollectionCount(2),5}"));
            }

            await Task.Delay(20);
        }

        await run;
        producer.Flush(TimeSpan.FromSeconds(10));
        Directory.Delete(referenceDirectory, recursive: true);
        if (samples.Count >= 4)
        {
            var firstHalf = samples.Take(samples.Count / 2).Skip(1).DefaultIfEmpty(samples[0]).Average();
            var secondHalf = samples.Skip(samples.Count / 2).Average();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"heap: first half {firstHalf:0.0} MiB, second half {secondHalf:0.0} MiB ({(secondHalf / firstHalf - 1) * 100:+0;-0} %)"));
        }

        return 0;
    }
}
