using Confluent.Kafka;

namespace StreamPrivacy.Kafka.Runtime;

/// <summary>
/// Builds client configurations: our safe defaults first, then user pass-through properties (which
/// may override anything, e.g. TLS/SASL), then the settings the delivery guarantee depends on.
/// </summary>
internal static class KafkaClientConfigs
{
    public static ConsumerConfig Consumer(StageRunnerOptions options)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = options.BootstrapServers,
            GroupId = options.GroupId,
            ClientId = options.ClientId,
            AutoOffsetReset = AutoOffsetReset.Earliest, // a new group must not skip what was produced before it started
            PartitionAssignmentStrategy = PartitionAssignmentStrategy.Range,
            IsolationLevel = IsolationLevel.ReadCommitted,
            SessionTimeoutMs = 10_000,
            HeartbeatIntervalMs = 1_000,
            StatisticsIntervalMs = 5_000, // feeds the streamprivacy.consumer.lag gauge; 0 turns it off
        };
        Apply(config, options.CommonProperties);
        Apply(config, options.ConsumerProperties);

        // End-of-partition events tell stateful stages when a partition is caught up (idle, not lagging).
        config.EnablePartitionEof = true;

        // Offsets are committed by the runner only after the outputs are acknowledged.
        config.EnableAutoCommit = false;
        config.EnableAutoOffsetStore = false;
        return config;
    }

    public static ProducerConfig Producer(StageRunnerOptions options)
    {
        var config = new ProducerConfig
        {
            BootstrapServers = options.BootstrapServers,
            ClientId = options.ClientId,
            LingerMs = 5,
            BatchNumMessages = 10_000,
        };
        Apply(config, options.CommonProperties);
        Apply(config, options.ProducerProperties);

        // At-least-once without duplicates from retries: idempotence implies acks=all.
        config.EnableIdempotence = true;
        config.Acks = Acks.All;
        if (options.ExactlyOnce)
        {
            config.TransactionalId = options.TransactionalId ?? throw new InvalidOperationException("exactly-once needs a transactional id");
        }

        return config;
    }

    private static void Apply(ClientConfig config, IReadOnlyDictionary<string, string> properties)
    {
        foreach (var (key, value) in properties)
        {
            config.Set(key, value);
        }
    }
}
