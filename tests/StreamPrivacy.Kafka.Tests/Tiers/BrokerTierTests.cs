using Confluent.Kafka;
using StreamPrivacy.Kafka.Tests.Infrastructure;
using Xunit.Abstractions;

namespace StreamPrivacy.Kafka.Tests.Tiers;

/// <summary>Tests that run against whichever broker tier <see cref="KafkaTestBroker.StartAsync"/> picked.</summary>
[Collection(KafkaBrokerCollection.Name)]
public sealed class BrokerTierTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly KafkaTestBroker _broker;
    private readonly ITestOutputHelper _output;

    public BrokerTierTests(KafkaBrokerFixture fixture, ITestOutputHelper output)
    {
        _broker = fixture.Broker;
        _output = output;
        _output.WriteLine($"broker: {_broker.Kind} at {_broker.BootstrapServers} ({_broker.Description})");
    }

    [Fact]
    public async Task ProduceConsume_OnSelectedBroker_RoundTrips()
    {
        const int Count = 200;
        var topic = KafkaTestClients.UniqueTopic("tier");
        await _broker.CreateTopicAsync(topic, 3);

        using (var producer = new ProducerBuilder<string, string>(KafkaTestClients.Producer(_broker.BootstrapServers)).Build())
        {
            for (var i = 0; i < Count; i++)
            {
                producer.Produce(topic, new Message<string, string> { Key = $"k{i % 7}", Value = $"v{i}" });
            }

            Assert.Equal(0, producer.Flush(Timeout));
        }

        var config = KafkaTestClients.Consumer(_broker.BootstrapServers, KafkaTestClients.UniqueGroup("tier"));
        using var consumer = new ConsumerBuilder<string, string>(config).Build();
        consumer.Subscribe(topic);
        var received = KafkaTestClients.ConsumeUpTo(consumer, Count, Timeout);
        consumer.Close();

        Assert.Equal(Enumerable.Range(0, Count).Select(i => $"v{i}").Order(StringComparer.Ordinal),
            received.Select(r => r.Message.Value).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task Transactions_CommitOneAbortOne_ReadCommittedSeesOnlyCommitted()
    {
        _output.WriteLine(_broker.SupportsTransactions ? "transactions supported" : "skipping: " + KafkaTestBroker.NoTransactionsReason);
        Skip.IfNot(_broker.SupportsTransactions, KafkaTestBroker.NoTransactionsReason);

        var topic = KafkaTestClients.UniqueTopic("txn");
        await _broker.CreateTopicAsync(topic, 1);
        var config = KafkaTestClients.Producer(_broker.BootstrapServers);
        config.TransactionalId = KafkaTestClients.UniqueGroup("txn-producer");
        config.EnableIdempotence = true;

        using (var producer = new ProducerBuilder<Null, string>(config).Build())
        {
            producer.InitTransactions(Timeout);

            producer.BeginTransaction();
            Produce(producer, topic, "committed", 10);
            producer.CommitTransaction(Timeout);

            producer.BeginTransaction();
            Produce(producer, topic, "aborted", 10);
            producer.AbortTransaction(Timeout);

            // A final committed marker tells the consumer it has seen everything up to here.
            producer.BeginTransaction();
            Produce(producer, topic, "marker", 1);
            producer.CommitTransaction(Timeout);
        }

        var consumerConfig = KafkaTestClients.Consumer(_broker.BootstrapServers, KafkaTestClients.UniqueGroup("txn"));
        consumerConfig.IsolationLevel = IsolationLevel.ReadCommitted;
        using var consumer = new ConsumerBuilder<Null, string>(consumerConfig).Build();
        consumer.Assign(new TopicPartitionOffset(topic, 0, Offset.Beginning));
        var received = KafkaTestClients.ConsumeUpTo(consumer, 11, Timeout).Select(r => r.Message.Value).ToList();

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"committed-{i}").Append("marker-0"), received);
    }

    private static void Produce(IProducer<Null, string> producer, string topic, string prefix, int count)
    {
        for (var i = 0; i < count; i++)
        {
            producer.Produce(topic, new Message<Null, string> { Value = $"{prefix}-{i}" });
        }

        Assert.Equal(0, producer.Flush(Timeout));
    }
}
