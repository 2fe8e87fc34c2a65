using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using StreamPrivacy.Core.Events;
using StreamPrivacy.Core.Simulation;
using StreamPrivacy.Kafka.Configuration;
using StreamPrivacy.Kafka.Runtime;

namespace StreamPrivacy.Cli.Demo;

/// <summary>Writes synthetic raw traffic to the raw topics at a target rate, as a production ML service would.</summary>
internal sealed class TrafficProducer
{
    private readonly SyntheticTrafficGenerator _generator;
    private readonly TopicOptions _topics;
    private long _produced;
    private long _malformed;
    private readonly Action<DeliveryReport<byte[]?, byte[]>> _onDelivered;

    public TrafficProducer(SyntheticTrafficGenerator generator, TopicOptions topics)
    {
        _generator = generator;
        _topics = topics;
        _onDelivered = report =>
        {
            if (!report.Error.IsError)
            {
                Interlocked.Increment(ref _produced);
            }
        };
    }

    public long Produced => Interlocked.Read(ref _produced);

    public long Malformed => Interlocked.Read(ref _malformed);

    public Task RunAsync(string bootstrapServers, long events, int ratePerSecond, CancellationToken ct) =>
        Task.Factory.StartNew(() => Run(bootstrapServers, events, ratePerSecond, ct), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(string bootstrapServers, long events, int ratePerSecond, CancellationToken ct)
    {
        var config = new ProducerConfig { BootstrapServers = bootstrapServers, EnableIdempotence = true, LingerMs = 5, ClientId = "demo-traffic" };
        using var producer = new ProducerBuilder<byte[]?, byte[]>(config).Build();
        var started = Stopwatch.StartNew();
        for (long i = 0; i < events && !ct.IsCancellationRequested; i++)
        {
            var record = _generator.Next();
            var topic = record.Kind == EventKind.Features ? _topics.FeaturesRaw : _topics.InferenceRaw;
            var message = new Message<byte[]?, byte[]> { Key = record.Key is null ? null : Encoding.UTF8.GetBytes(record.Key), Value = record.Payload };
            producer.ProduceWithBackpressure(topic, message, _onDelivered);

            if (record.IsMalformed)
            {
                Interlocked.Increment(ref _malformed);
            }

            // Pace to the target rate in small steps, as real traffic arrives.
            if (ratePerSecond > 0 && i % 100 == 99)
            {
                var ahead = TimeSpan.FromSeconds((i + 1) / (double)ratePerSecond) - started.Elapsed;
                if (ahead > TimeSpan.Zero)
                {
                    Thread.Sleep(ahead);
                }
            }
        }

        producer.Flush(TimeSpan.FromSeconds(30));
    }
}
