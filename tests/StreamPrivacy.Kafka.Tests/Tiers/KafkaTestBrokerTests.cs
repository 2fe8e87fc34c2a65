using StreamPrivacy.Kafka.Tests.Infrastructure;
using Xunit.Abstractions;

namespace StreamPrivacy.Kafka.Tests.Tiers;

/// <summary>The tier selection of <see cref="KafkaTestBroker"/>.</summary>
public sealed class KafkaTestBrokerTests
{
    private readonly ITestOutputHelper _output;

    public KafkaTestBrokerTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [SkippableFact]
    public async Task StartAsync_NoExternalBrokerAndNoDocker_FallsBackToEmbeddedWithReason()
    {
        Skip.If(Environment.GetEnvironmentVariable(KafkaTestBroker.BootstrapServersVariable) is { Length: > 0 },
            "KAFKA_BOOTSTRAP_SERVERS is set, so the external tier is chosen");
        Skip.If(Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } || File.Exists("/var/run/docker.sock"),
            "Docker is available, so the Testcontainers tier is tried first");

        await using var broker = await KafkaTestBroker.StartAsync(_output.WriteLine);

        Assert.Equal(KafkaBrokerKind.Embedded, broker.Kind);
        Assert.NotNull(broker.Embedded);
        Assert.False(broker.SupportsTransactions);
        Assert.True(broker.SupportsFaultInjection);
        Assert.Contains("no Docker", broker.Description, StringComparison.Ordinal);
        Assert.Equal(broker.Embedded.BootstrapServers, broker.BootstrapServers);
    }

    [Fact]
    public async Task CreateTopicAsync_Embedded_IsIdempotent()
    {
        await using var broker = KafkaTestBroker.StartEmbedded(1);
        var topic = KafkaTestClients.UniqueTopic("create");

        await broker.CreateTopicAsync(topic, 2);
        await broker.CreateTopicAsync(topic, 2);

        Assert.Equal(KafkaBrokerKind.Embedded, broker.Kind);
    }
}
