using Confluent.Kafka;
using StreamPrivacy.Kafka.Runtime;

namespace StreamPrivacy.Kafka.Tests.Runtime;

public sealed class KafkaClientConfigsTests
{
    private static StageRunnerOptions Options(Dictionary<string, string> properties, bool exactlyOnce = true) => new()
    {
        BootstrapServers = "127.0.0.1:1",
        GroupId = "g",
        ExactlyOnce = exactlyOnce,
        TransactionalId = exactlyOnce ? "streamprivacy-sanitize-test" : null,
        CommonProperties = properties,
    };

    [Fact]
    public void Producer_ExactlyOnceDefaults_TransactionTimeout20sReadCommittedConsumer()
    {
        var options = Options([]);
        Assert.Equal(20_000, KafkaClientConfigs.Producer(options).TransactionTimeoutMs);
        Assert.Equal(IsolationLevel.ReadCommitted, KafkaClientConfigs.Consumer(options).IsolationLevel);
    }

    [Theory]
    [InlineData("message.timeout.ms", "60000", 60_000)]
    [InlineData("delivery.timeout.ms", "45000", 45_000)]
    [InlineData("socket.timeout.ms", "50000", 49_900)]
    public void Producer_UserTimeoutAboveTheTransactionTimeout_RaisesItSoTheProducerBuilds(string key, string value, int expected)
    {
        var config = KafkaClientConfigs.Producer(Options(new() { [key] = value }));

        Assert.Equal(expected, config.TransactionTimeoutMs);
        // librdkafka would refuse the combination when building the producer; it builds now.
        using var producer = new ProducerBuilder<byte[]?, byte[]>(config).Build();
    }

    [Fact]
    public void Producer_UserTransactionTimeout_IsKept()
    {
        var config = KafkaClientConfigs.Producer(Options(new() { ["transaction.timeout.ms"] = "90000", ["message.timeout.ms"] = "60000" }));
        Assert.Equal(90_000, config.TransactionTimeoutMs);
    }
}
