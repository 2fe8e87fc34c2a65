using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using StreamPrivacy.Kafka.Embedded;
using StreamPrivacy.Kafka.Hosting;
using StreamPrivacy.Kafka.Runtime;
using StreamPrivacy.Kafka.Tests.Stages;

namespace StreamPrivacy.Kafka.Tests.Hosting;

/// <summary>
/// <c>processing.guarantee</c> is decided once per pipeline by one transaction probe. The embedded mock
/// cluster answers InitProducerId like a broker with transactions, so giving its address as
/// <c>kafka.bootstrap_servers</c> (not embedded mode) makes <c>auto</c> probe it; injected
/// InitProducerId errors play a broker that refuses transactions or whose coordinator is unavailable.
/// </summary>
public sealed class GuaranteeDecisionTests
{
    private static readonly TimeSpan ShortBudget = TimeSpan.FromSeconds(2);

    [Fact]
    public void Create_AutoOnABrokerWithTransactions_BuildsEveryStageExactlyOnce()
    {
        using var h = External("auto");
        var pipeline = Pipeline.Create(h.Options, h.Cluster.BootstrapServers, NullLoggerFactory.Instance, TimeProvider.System, "probe-ok");
        Assert.All(pipeline.Stages, s => Assert.True(s.IsExactlyOnce, s.Name));
    }

    [Fact]
    public void Create_AutoWhenTheBrokerRefusesTheTransactionalId_RunsEveryStageAtLeastOnce()
    {
        using var h = External("auto");
        h.Cluster.PushRequestErrors(KafkaApiKey.InitProducerId, ErrorCode.TransactionalIdAuthorizationFailed);
        var pipeline = Pipeline.Create(h.Options, h.Cluster.BootstrapServers, NullLoggerFactory.Instance, TimeProvider.System, "probe-refused", ShortBudget);
        Assert.All(pipeline.Stages, s => Assert.False(s.IsExactlyOnce, s.Name));
    }

    [Fact]
    public void Create_ExactlyOnceWhenTheBrokerRefuses_FailsWithTheReason()
    {
        using var h = External("exactly_once");
        h.Cluster.PushRequestErrors(KafkaApiKey.InitProducerId, ErrorCode.TransactionalIdAuthorizationFailed);
        var ex = Assert.Throws<StageFailedException>(() => Pipeline.Create(h.Options, h.Cluster.BootstrapServers, NullLoggerFactory.Instance, TimeProvider.System, "probe-refused", ShortBudget));
        Assert.Contains("exactly-once is not possible", ex.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(ErrorCode.TransactionalIdAuthorizationFailed), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_CoordinatorUnavailableForTheWholeBudget_AllowsFallbackAndNamesTheReplicationFactor()
    {
        using var cluster = EmbeddedKafkaCluster.Start(1);
        cluster.PushRequestErrors(KafkaApiKey.InitProducerId, [.. Enumerable.Repeat(ErrorCode.GroupCoordinatorNotAvailable, 200)]);
        try
        {
            var result = TransactionProbe.Run(ProbeConfig(cluster), ShortBudget, NullLogger.Instance);
            Assert.Equal(TransactionSupport.Unavailable, result.Support);
            Assert.True(result.AllowsFallback);
            Assert.Contains("transaction.state.log.replication.factor", result.Reason, StringComparison.Ordinal);
        }
        finally
        {
            cluster.ClearRequestErrors(KafkaApiKey.InitProducerId);
        }
    }

    [Fact]
    public void Run_CoordinatorBrieflyUnavailable_RetriesAndFindsTransactions()
    {
        using var cluster = EmbeddedKafkaCluster.Start(1);

        // librdkafka retries InitProducerId every ~500 ms; these outlast one 5 s probe attempt only if
        // the probe gave up early, which it must not within its budget.
        cluster.PushRequestErrors(KafkaApiKey.InitProducerId, [.. Enumerable.Repeat(ErrorCode.GroupCoordinatorNotAvailable, 12)]);
        var result = TransactionProbe.Run(ProbeConfig(cluster), TimeSpan.FromSeconds(60), NullLogger.Instance);
        Assert.Equal(TransactionSupport.Supported, result.Support);
    }

    private static ProducerConfig ProbeConfig(EmbeddedKafkaCluster cluster) => new()
    {
        BootstrapServers = cluster.BootstrapServers,
        TransactionalId = "probe-" + Guid.NewGuid().ToString("N"),
    };

    // A harness whose options name the mock cluster as an external broker (so auto probes it).
    private static PipelineHarness External(string guarantee)
    {
        var h = new PipelineHarness();
        h.Options.Kafka.BootstrapServers = h.Cluster.BootstrapServers;
        h.Options.Processing.Guarantee = guarantee;
        return h;
    }
}
