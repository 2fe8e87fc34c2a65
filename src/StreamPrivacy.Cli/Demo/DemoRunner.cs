using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using StreamPrivacy.Core.Simulation;
using StreamPrivacy.Kafka.Configuration;
using StreamPrivacy.Kafka.Embedded;
using StreamPrivacy.Kafka.Hosting;
using StreamPrivacy.Ner.Onnx;

namespace StreamPrivacy.Cli.Demo;

/// <summary>Runs the demo: embedded cluster, traffic, pipeline, live view and summary.</summary>
internal sealed class DemoRunner
{
    private readonly DemoSettings _settings;
    private readonly ILoggerFactory _loggers;

    public DemoRunner(DemoSettings settings, ILoggerFactory loggers)
    {
        _settings = settings;
        _loggers = loggers;
    }

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var options = new StreamPrivacyOptions();
        options.Processing.CommitInterval = TimeSpan.FromMilliseconds(500);
        using var references = DemoReferences.Write(_settings.Seed + 1, options.Drift);
        references.WriteCanaries(options);
        using var cluster = EmbeddedKafkaCluster.Start(options.Kafka.EmbeddedBrokers);
        TopicProvisioner.Provision(cluster, options.Topics, options.Kafka.EmbeddedPartitions);
        AnsiConsole.MarkupLine($"[grey]Embedded Kafka cluster (librdkafka mock, {cluster.BrokerCount} brokers, real protocol) at {Markup.Escape(cluster.BootstrapServers)}[/]");

        var traffic = new TrafficProducer(
            new SyntheticTrafficGenerator(
                new SyntheticTrafficOptions { Seed = _settings.Seed, DriftFromEvent = _settings.Drift ? _settings.Events / 2 : null, Canary = DemoReferences.Canary, CanaryAtEvent = _settings.Events / 3 },
                TimeProvider.System),
            options.Topics);
        var pipeline = Pipeline.Create(options, cluster.BootstrapServers, _loggers, TimeProvider.System, instanceId: "demo", OnnxNerBackend.Create);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(_settings.Duration);
        var clock = Stopwatch.StartNew();
        var pipelineTask = pipeline.RunAsync(stop.Token);
        var trafficTask = traffic.RunAsync(cluster.BootstrapServers, _settings.Events, _settings.Rate, stop.Token);

        var rate = new RateMeter();
        DemoSnapshot Snapshot() => Take(clock.Elapsed, traffic, pipeline, options.Topics, rate);
        bool Done() => trafficTask.IsCompleted && pipeline.Sanitize.Consumed >= traffic.Produced
            && pipeline.Sanitize.Produced >= pipeline.Sanitize.Consumed - pipeline.Sanitize.Dropped
            && (pipeline.Profile is null
                || (pipeline.Profile.Consumed >= pipeline.Sanitized && pipeline.DriftDrained && pipeline.ReleaseStage!.ReleaseCount > 0));

        if (AnsiConsole.Profile.Capabilities.Interactive)
        {
            await AnsiConsole.Live(DemoDashboard.Live(Snapshot(), cluster.BootstrapServers)).StartAsync(async live =>
            {
                while (!stop.IsCancellationRequested && !Done() && !pipelineTask.IsCompleted)
                {
                    await Task.Delay(250, CancellationToken.None);
                    live.UpdateTarget(DemoDashboard.Live(Snapshot(), cluster.BootstrapServers));
                }
            });
        }
        else
        {
            var lastPrint = TimeSpan.Zero;
            while (!stop.IsCancellationRequested && !Done() && !pipelineTask.IsCompleted)
            {
                await Task.Delay(250, CancellationToken.None);
                if (clock.Elapsed - lastPrint >= TimeSpan.FromSeconds(2))
                {
                    lastPrint = clock.Elapsed;
                    var s = Snapshot();
                    AnsiConsole.WriteLine($"[{s.Elapsed.TotalSeconds,5:0.0}s] generated {s.Generated:N0} · consumed {s.Consumed:N0} · sanitized {s.Sanitized:N0} · no consent {s.DroppedForConsent:N0} · rejected {s.Rejected:N0} · {s.ConsumedPerSecond:N0} rec/s");
                }
            }
        }

        if (pipeline.Leakage is not null && !stop.IsCancellationRequested)
        {
            // Let the leakage checks close the window holding the last events.
            await Task.Delay(options.Leakage.Window + TimeSpan.FromSeconds(1.5), CancellationToken.None);
        }

        var final = Snapshot();
        await stop.CancelAsync();
        var exit = 0;
        try
        {
            await Task.WhenAll(pipelineTask, trafficTask);
        }
        catch (Exception ex) when (ex is KafkaException or InvalidOperationException or Kafka.Runtime.StageFailedException)
        {
            AnsiConsole.MarkupLine($"[red]pipeline failed: {Markup.Escape(ex.Message)}[/]");
            exit = 1;
        }

        final = final with { Elapsed = clock.Elapsed };
        var leaks = SanitizedTopicAudit.CountLeaks(cluster.BootstrapServers, options.Topics);
        AnsiConsole.Write(DemoDashboard.Summary(final, CountOnTopics(cluster.BootstrapServers, options.Topics), leaks));
        if (pipeline.ReleaseStage is { } release)
        {
            AnsiConsole.Write(DemoDashboard.Drift(release.ReleaseCount, release.Budgets, DemoAlerts.Read(cluster.BootstrapServers, options.Topics)));
        }
        if (final.Consumed < final.Generated)
        {
            AnsiConsole.MarkupLine($"[yellow]Stopped after {_settings.Duration} before every event was processed ({final.Consumed:N0} of {final.Generated:N0}).[/]");
        }

        WriteReport(cluster.BootstrapServers, options);

        return exit;
    }

    // The privacy report of this run, in a fresh folder under the temp directory (the embedded
    // cluster and its topics are gone when the demo exits; the report stays).
    private static void WriteReport(string bootstrap, StreamPrivacyOptions options)
    {
        try
        {
            var path = Path.Combine(Directory.CreateTempSubdirectory("streamprivacy-demo-").FullName, "streamprivacy-report.html");
            Report.ReportTopicReader.Write(bootstrap, new Dictionary<string, string>(), options, path, TimeSpan.FromSeconds(30), "the demo's embedded cluster");
            AnsiConsole.WriteLine("report: " + path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or KafkaException or Kafka.Runtime.StageFailedException)
        {
            AnsiConsole.MarkupLine($"[yellow]privacy report not written: {Markup.Escape(ex.Message)}[/]");
        }
    }

    private static DemoSnapshot Take(TimeSpan elapsed, TrafficProducer traffic, Pipeline pipeline, TopicOptions topics, RateMeter rate)
    {
        var c = pipeline.Sanitize;
        var byTopic = c.ProducedByTopic;
        var sanitized = pipeline.Sanitized;
        var released = pipeline.Release?.ProducedByTopic ?? new Dictionary<string, long>();
        return new DemoSnapshot(elapsed, traffic.Produced, c.Consumed, sanitized, c.Dropped, c.Rejected, c.RejectedByReason, byTopic, c.RedactionsByEntity, c.Withheld, rate.Update(elapsed, c.Consumed))
        {
            WindowsReleased = pipeline.ReleaseStage?.ReleaseCount ?? 0,
            MetricsReleased = released.GetValueOrDefault(topics.Metrics),
            DriftAlerts = released.GetValueOrDefault(topics.DriftAlerts),
        };
    }

    private static Dictionary<string, long> CountOnTopics(string bootstrap, TopicOptions topics)
    {
        // Independent check: what actually sits on the output topics, from the brokers' watermarks.
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = bootstrap, GroupId = "demo-verify" }).Build();
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build();
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var topic in new[] { topics.InferenceRaw, topics.FeaturesRaw, topics.InferenceSanitized, topics.FeaturesSanitized, topics.DeadLetter })
        {
            var metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(5));
            long total = 0;
            foreach (var partition in metadata.Topics.SelectMany(t => t.Partitions))
            {
                var w = consumer.QueryWatermarkOffsets(new TopicPartition(topic, partition.PartitionId), TimeSpan.FromSeconds(5));
                total += w.High.Value - w.Low.Value;
            }

            result[topic] = total;
        }

        return result;
    }

    private sealed class RateMeter
    {
        private TimeSpan _lastTime;
        private long _lastCount;
        private double _rate;

        public double Update(TimeSpan now, long count)
        {
            if (now - _lastTime >= TimeSpan.FromSeconds(1))
            {
                _rate = (count - _lastCount) / (now - _lastTime).TotalSeconds;
                _lastTime = now;
                _lastCount = count;
            }

            return _rate;
        }
    }
}
