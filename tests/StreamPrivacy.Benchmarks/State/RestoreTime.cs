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
/// `restore [--events N]`: how long the profile stage takes to rebuild its open-window state after a
/// restart, without standbys. N events land in one open window; the pipeline is stopped (the profile
/// stage commits only up to the first record of the open window), started again with the same
/// consumer groups, and timed until the profile stage has re-read the window's records.
/// </summary>
internal static class RestoreTime
{
    public static async Task<int> RunAsync(string[] args)
    {
        var events = BenchSetup.Arg(args, "--events", 100_000);
        using var cluster = EmbeddedKafkaCluster.Start(3);
        var options = new StreamPrivacyOptions();
        TopicProvisioner.Provision(cluster, options.Topics, 12);
        var referenceDirectory = BenchSetup.WriteReferences(options.Drift);
        options.Drift.Window = TimeSpan.FromHours(1);
        options.Drift.IdleTimeout = TimeSpan.FromHours(1);
        using (var producer = new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers, LingerMs = 5, EnableIdempotence = true }).Build())
        {
            BenchSetup.Produce(producer, new SyntheticTrafficGenerator(new SyntheticTrafficOptions(), TimeProvider.System), options.Topics, events);
            producer.Flush(TimeSpan.FromMinutes(1));
        }

        // First run: sanitize everything and profile it into the open window.
        var first = Pipeline.Create(options, cluster.BootstrapServers, NullLoggerFactory.Instance, TimeProvider.System, "first");
        long target;
        using (var cts = new CancellationTokenSource())
        {
            var run = first.RunAsync(cts.Token);
            while (!(first.Sanitize.Consumed >= events && first.Profile!.Consumed >= first.Sanitized))
            {
                await Task.Delay(20);
            }

            target = first.Profile!.Consumed;
            await cts.CancelAsync();
            await run;
        }

        // Second run: same groups; the profile stage replays the open window from its safe offset.
        var second = Pipeline.Create(options, cluster.BootstrapServers, NullLoggerFactory.Instance, TimeProvider.System, "second");
        using (var cts = new CancellationTokenSource())
        {
            var clock = Stopwatch.StartNew();
            var run = second.RunAsync(cts.Token);
            while (second.Profile!.Consumed < target && clock.Elapsed < TimeSpan.FromMinutes(5))
            {
                await Task.Delay(5);
            }

            var elapsed = clock.Elapsed;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"restore: {second.Profile.Consumed:N0} sanitized events of one open window re-read in {elapsed.TotalSeconds:0.00}s ({second.Profile.Consumed / elapsed.TotalSeconds:N0} events/s, including group join); open windows after restore {second.ProfileStage!.OpenWindows}; sanitize re-processed {second.Sanitize.Consumed:N0}"));
            await cts.CancelAsync();
            await run;
        }

        Directory.Delete(referenceDirectory, recursive: true);
        return 0;
    }
}
