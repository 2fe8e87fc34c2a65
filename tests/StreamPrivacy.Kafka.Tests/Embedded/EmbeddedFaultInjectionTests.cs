using System.Collections.Concurrent;
using System.Diagnostics;
using Confluent.Kafka;
using StreamPrivacy.Kafka.Embedded;
using StreamPrivacy.Kafka.Tests.Infrastructure;
using Xunit.Abstractions;

namespace StreamPrivacy.Kafka.Tests.Embedded;

/// <summary>
/// Delivery guarantees under injected faults. Each test owns a private cluster so the faults cannot leak
/// into other tests running in parallel.
/// </summary>
public sealed class EmbeddedFaultInjectionTests
{
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ConsumeTimeout = TimeSpan.FromSeconds(20);

    // After its last member leaves, a mock group stays "Joining" for (session.timeout.ms - 1 s) of the
    // member that left, and a new member waits that long. A short session keeps the restart test quick.
    private const int RestartSessionTimeoutMs = 3_000;
    private readonly ITestOutputHelper _output;

    public EmbeddedFaultInjectionTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void IdempotentProducer_LeaderOutageAndProduceErrors_NothingLostNothingDuplicated()
    {
        const int Count = 3000;
        const int Partitions = 3;
        using var cluster = EmbeddedKafkaCluster.Start(3);
        var topic = KafkaTestClients.UniqueTopic("idempotent");
        cluster.CreateTopic(topic, Partitions, replicationFactor: 3);
        for (var p = 0; p < Partitions; p++)
        {
            // Known leaders: broker 1 leads partition 0, so taking it down really stalls a partition.
            cluster.SetPartitionLeader(topic, p, p + 1);
        }

        var config = KafkaTestClients.Producer(cluster.BootstrapServers);
        config.EnableIdempotence = true;
        config.Acks = Acks.All;
        config.RequestTimeoutMs = 5_000;
        // "msg" debug logs each failed MessageSet with its error and the retry action: the evidence that the
        // injected errors really hit produce requests (about a hundred lines, cheap).
        config.Debug = "msg";
        var failures = new ConcurrentQueue<string>();
        var clientErrors = new ConcurrentQueue<string>();
        var persisted = 0;
        var clock = Stopwatch.StartNew();
        using (var producer = new ProducerBuilder<int, int>(config)
                   .SetKeySerializer(Serializers.Int32).SetValueSerializer(Serializers.Int32)
                   .SetErrorHandler((_, e) => clientErrors.Enqueue(e.Reason))
                   .SetLogHandler((_, m) => clientErrors.Enqueue($"log: {m.Message}"))
                   .Build())
        {
            void ProduceRange(int from, int to)
            {
                for (var seq = from; seq < to; seq++)
                {
                    producer.Produce(topic, new Message<int, int> { Key = seq, Value = seq }, report =>
                    {
                        if (report.Error.IsError || report.Status != PersistenceStatus.Persisted)
                        {
                            failures.Enqueue($"{report.Message.Value}: {report.Error.Reason} ({report.Status})");
                        }
                        else
                        {
                            Interlocked.Increment(ref persisted);
                        }
                    });
                }
            }

            // Phase 1: retriable broker errors on the first produce requests.
            cluster.PushRequestErrors(KafkaApiKey.Produce,
                ErrorCode.NotLeaderForPartition, ErrorCode.RequestTimedOut, ErrorCode.NotEnoughReplicas,
                ErrorCode.LeaderNotAvailable, ErrorCode.RequestTimedOut);
            ProduceRange(0, Count / 3);
            Assert.Equal(0, producer.Flush(FlushTimeout));

            // Phase 2: the leader of partition 0 goes away while messages for it are in flight.
            ProduceRange(Count / 3, Count / 2);
            cluster.SetBrokerDown(1);
            ProduceRange(Count / 2, 2 * Count / 3);
            var outage = Stopwatch.StartNew();
            while (outage.Elapsed < TimeSpan.FromSeconds(3))
            {
                // Poll returns as soon as it served an event, hence the loop to keep the broker down long enough.
                producer.Poll(TimeSpan.FromMilliseconds(100));
            }

            cluster.SetBrokerUp(1);
            Assert.Equal(0, producer.Flush(FlushTimeout));

            // Phase 3: more errors, including a dropped connection in the middle of a produce request.
            cluster.PushRequestErrors(KafkaApiKey.Produce,
                ErrorCode.NotEnoughReplicas, ErrorCode.Local_Transport, ErrorCode.NotLeaderForPartition);
            ProduceRange(2 * Count / 3, Count);
            Assert.Equal(0, producer.Flush(FlushTimeout));
        }

        _output.WriteLine($"produced {persisted}/{Count} in {clock.ElapsedMilliseconds} ms; failures: {failures.Count}");
        var retried = clientErrors.Where(e => e.Contains("encountered error", StringComparison.Ordinal)).ToList();
        foreach (var line in retried.Concat(clientErrors.Where(e => !e.StartsWith("log:", StringComparison.Ordinal))))
        {
            _output.WriteLine(line);
        }

        // The outage must have been visible to the client, or the test proved nothing.
        Assert.Contains(clientErrors, e => e.Contains("Connect", StringComparison.OrdinalIgnoreCase)
            || e.Contains("Disconnected", StringComparison.OrdinalIgnoreCase));
        Assert.True(retried.Count >= 3, $"the injected produce errors should have failed MessageSets, saw {retried.Count}");
        Assert.Empty(failures);
        Assert.Equal(Count, persisted);

        var consumerConfig = KafkaTestClients.Consumer(cluster.BootstrapServers, KafkaTestClients.UniqueGroup("idempotent"));
        using var consumer = new ConsumerBuilder<int, int>(consumerConfig)
            .SetKeyDeserializer(Deserializers.Int32).SetValueDeserializer(Deserializers.Int32).Build();
        var logEnd = 0L;
        for (var p = 0; p < Partitions; p++)
        {
            logEnd += consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(10)).High.Value;
        }

        consumer.Assign(Enumerable.Range(0, Partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var received = KafkaTestClients.ConsumeUpTo(consumer, Count, ConsumeTimeout);

        // The log itself holds exactly Count records: no duplicate was ever written.
        Assert.Equal(Count, logEnd);
        Assert.Equal(Enumerable.Range(0, Count), received.Select(r => r.Message.Value).Order());
        foreach (var partition in received.GroupBy(r => r.Partition.Value))
        {
            var values = partition.Select(r => r.Message.Value).ToList();
            Assert.Equal(values.Order(), values);
        }
    }

    [Fact]
    public void ConsumerGroup_CommitHalfThenRestart_ResumesAfterCommittedOffset()
    {
        const int Count = 200;
        const int Partitions = 2;
        using var cluster = EmbeddedKafkaCluster.Start(3);
        var topic = KafkaTestClients.UniqueTopic("resume");
        var group = KafkaTestClients.UniqueGroup("resume");
        cluster.CreateTopic(topic, Partitions, replicationFactor: 3);
        Produce(cluster.BootstrapServers, topic, 0, Count);

        var clock = Stopwatch.StartNew();
        List<ConsumeResult<Ignore, int>> first;
        List<TopicPartitionOffset> committed;
        using (var consumer = BuildConsumer(cluster.BootstrapServers, group, RestartSessionTimeoutMs))
        {
            consumer.Subscribe(topic);
            first = KafkaTestClients.ConsumeUpTo(consumer, Count / 2, ConsumeTimeout);
            _output.WriteLine($"first consumer got {first.Count} at {clock.ElapsedMilliseconds} ms");
            consumer.Commit();
            committed = consumer.Committed(TimeSpan.FromSeconds(10));
            consumer.Close();
            _output.WriteLine($"first consumer closed at {clock.ElapsedMilliseconds} ms");
        }

        Assert.Equal(Count / 2, first.Count);
        foreach (var partition in first.GroupBy(r => r.Partition.Value))
        {
            var expected = partition.Max(r => r.Offset.Value) + 1;
            Assert.Equal(expected, committed.Single(c => c.Partition.Value == partition.Key).Offset.Value);
        }

        using var second = BuildConsumer(cluster.BootstrapServers, group, RestartSessionTimeoutMs);
        second.Subscribe(topic);
        var rest = KafkaTestClients.ConsumeUpTo(second, Count - first.Count, ConsumeTimeout);
        _output.WriteLine($"second consumer got {rest.Count} at {clock.ElapsedMilliseconds} ms");
        var extra = KafkaTestClients.ConsumeUpTo(second, 1, TimeSpan.FromMilliseconds(500));
        second.Close();
        _output.WriteLine($"second consumer closed at {clock.ElapsedMilliseconds} ms");

        Assert.Empty(extra);
        Assert.Equal(Count - first.Count, rest.Count);
        foreach (var partition in rest.GroupBy(r => r.Partition.Value))
        {
            // Exactly after the commit: the first offset seen is the committed one (or 0 if never committed).
            var committedOffset = committed.SingleOrDefault(c => c.Partition.Value == partition.Key)?.Offset.Value ?? 0;
            Assert.Equal(Math.Max(committedOffset, 0), partition.Min(r => r.Offset.Value));
        }

        Assert.Equal(Enumerable.Range(0, Count), first.Concat(rest).Select(r => r.Message.Value).Order());
    }

    [Fact]
    public void RoundTripTime_AllBrokersSlowed_DeliverySlowerButComplete()
    {
        const int Count = 100;
        var rtt = TimeSpan.FromMilliseconds(300);
        using var cluster = EmbeddedKafkaCluster.Start(3);
        var topic = KafkaTestClients.UniqueTopic("rtt");
        cluster.CreateTopic(topic, 3, replicationFactor: 3);
        for (var broker = 1; broker <= cluster.BrokerCount; broker++)
        {
            cluster.SetBrokerRoundTripTime(broker, rtt);
        }

        var clock = Stopwatch.StartNew();
        Produce(cluster.BootstrapServers, topic, 0, Count);
        var produceTime = clock.Elapsed;

        using var consumer = BuildConsumer(cluster.BootstrapServers, KafkaTestClients.UniqueGroup("rtt"));
        consumer.Assign(Enumerable.Range(0, 3).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var received = KafkaTestClients.ConsumeUpTo(consumer, Count, ConsumeTimeout);
        _output.WriteLine($"produce with {rtt.TotalMilliseconds} ms RTT took {produceTime.TotalMilliseconds:0} ms; total {clock.ElapsedMilliseconds} ms");

        Assert.True(produceTime >= rtt, $"produce took {produceTime}, expected at least the {rtt} RTT");
        Assert.Equal(Enumerable.Range(0, Count), received.Select(r => r.Message.Value).Order());
    }

    private static IConsumer<Ignore, int> BuildConsumer(string bootstrapServers, string group, int sessionTimeoutMs = 6_000) =>
        new ConsumerBuilder<Ignore, int>(KafkaTestClients.Consumer(bootstrapServers, group, sessionTimeoutMs))
            .SetValueDeserializer(Deserializers.Int32).Build();

    private static void Produce(string bootstrapServers, string topic, int from, int to)
    {
        var failures = new ConcurrentQueue<Error>();
        using var producer = new ProducerBuilder<string, int>(KafkaTestClients.Producer(bootstrapServers))
            .SetValueSerializer(Serializers.Int32).Build();
        for (var seq = from; seq < to; seq++)
        {
            producer.Produce(topic, new Message<string, int> { Key = $"k{seq % 10}", Value = seq }, report =>
            {
                if (report.Error.IsError)
                {
                    failures.Enqueue(report.Error);
                }
            });
        }

        Assert.Equal(0, producer.Flush(FlushTimeout));
        Assert.Empty(failures);
    }
}
