using System.Collections.Concurrent;
using Confluent.Kafka;
using StreamPrivacy.Kafka.Embedded;
using StreamPrivacy.Kafka.Tests.Infrastructure;
using Xunit.Abstractions;

namespace StreamPrivacy.Kafka.Tests.Embedded;

/// <summary>The embedded cluster's lifecycle and basic produce/consume with real Confluent.Kafka clients.</summary>
public sealed class EmbeddedKafkaClusterTests
{
    private static readonly TimeSpan ConsumeTimeout = TimeSpan.FromSeconds(20);
    private readonly ITestOutputHelper _output;

    public EmbeddedKafkaClusterTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Start_ThreeBrokers_ReportsThreeLocalBootstrapServers()
    {
        using var cluster = EmbeddedKafkaCluster.Start(3);

        Assert.Equal(3, cluster.BrokerCount);
        var servers = cluster.BootstrapServers.Split(',');
        Assert.Equal(3, servers.Length);
        Assert.All(servers, s => Assert.Matches(@"^(127\.0\.0\.1|localhost):\d+$", s));
    }

    [Fact]
    public void Start_ZeroBrokers_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EmbeddedKafkaCluster.Start(0));
    }

    [Fact]
    public void CreateTopic_Twice_DoesNotThrow()
    {
        using var cluster = EmbeddedKafkaCluster.Start(1);

        cluster.CreateTopic("twice", 2);
        cluster.CreateTopic("twice", 2);
    }

    [Fact]
    public void CreateTopic_ReplicationFactorAboveBrokerCount_Throws()
    {
        using var cluster = EmbeddedKafkaCluster.Start(1);

        Assert.Throws<ArgumentOutOfRangeException>(() => cluster.CreateTopic("too-many-replicas", 1, 2));
    }

    [Fact]
    public void SetBrokerDown_UnknownBrokerId_Throws()
    {
        using var cluster = EmbeddedKafkaCluster.Start(2);

        Assert.Throws<ArgumentOutOfRangeException>(() => cluster.SetBrokerDown(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => cluster.SetBrokerDown(3));
    }

    [Fact]
    public void BrokerControls_ValidIds_Succeed()
    {
        using var cluster = EmbeddedKafkaCluster.Start(2);

        cluster.SetBrokerDown(2);
        cluster.SetBrokerUp(2);
        cluster.SetBrokerRoundTripTime(1, TimeSpan.FromMilliseconds(5));
        cluster.SetBrokerRoundTripTime(1, TimeSpan.Zero);
        cluster.PushRequestErrors(KafkaApiKey.Produce, ErrorCode.RequestTimedOut);
        cluster.ClearRequestErrors(KafkaApiKey.Produce);
        cluster.SetPartitionLeader("leader-moves", 0, 2);
    }

    [Fact]
    public void Dispose_Twice_IsSafeAndLaterCallsThrowObjectDisposed()
    {
        var cluster = EmbeddedKafkaCluster.Start(1);

        cluster.Dispose();
        cluster.Dispose();

        Assert.Throws<ObjectDisposedException>(() => cluster.CreateTopic("after-dispose", 1));
        Assert.Throws<ObjectDisposedException>(() => cluster.ClearRequestErrors(KafkaApiKey.Fetch));
    }

    [Fact]
    public void ProduceConsume_ThousandKeyedMessagesOnThreeBrokers_AllReceivedInPartitionOrder()
    {
        const int Count = 1000;
        const int Keys = 25;
        using var cluster = EmbeddedKafkaCluster.Start(3);
        var topic = KafkaTestClients.UniqueTopic("roundtrip");
        cluster.CreateTopic(topic, partitions: 6, replicationFactor: 3);

        var failures = new ConcurrentQueue<Error>();
        using (var producer = new ProducerBuilder<string, int>(KafkaTestClients.Producer(cluster.BootstrapServers))
                   .SetValueSerializer(Serializers.Int32).Build())
        {
            for (var seq = 0; seq < Count; seq++)
            {
                producer.Produce(topic, new Message<string, int> { Key = $"key-{seq % Keys}", Value = seq }, report =>
                {
                    if (report.Error.IsError)
                    {
                        failures.Enqueue(report.Error);
                    }
                });
            }

            Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(20)));
        }

        Assert.Empty(failures);

        var config = KafkaTestClients.Consumer(cluster.BootstrapServers, KafkaTestClients.UniqueGroup("roundtrip"));
        using var consumer = new ConsumerBuilder<string, int>(config).SetValueDeserializer(Deserializers.Int32).Build();
        consumer.Subscribe(topic);
        var received = KafkaTestClients.ConsumeUpTo(consumer, Count, ConsumeTimeout);
        consumer.Close();

        Assert.Equal(Count, received.Count);
        Assert.Equal(Enumerable.Range(0, Count), received.Select(r => r.Message.Value).Order());
        Assert.True(received.Select(r => r.Partition.Value).Distinct().Count() > 1, "keys should spread over partitions");

        foreach (var partition in received.GroupBy(r => r.Partition.Value))
        {
            // Offsets of a partition arrive contiguous from zero, and each key stays in one partition.
            Assert.Equal(Enumerable.Range(0, partition.Count()).Select(i => (long)i), partition.Select(r => r.Offset.Value));
        }

        foreach (var key in received.GroupBy(r => r.Message.Key))
        {
            Assert.Single(key.Select(r => r.Partition.Value).Distinct());
            var sequence = key.Select(r => r.Message.Value).ToList();
            Assert.Equal(sequence.Order(), sequence);
        }

        _output.WriteLine($"{Count} messages over {received.Select(r => r.Partition.Value).Distinct().Count()} partitions.");
    }
}
