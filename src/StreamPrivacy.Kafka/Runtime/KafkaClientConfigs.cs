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

        // Exactly-once reads only committed outputs of the stage upstream; read_uncommitted would see
        // records of aborted transactions, so a user property may not turn it off.
        if (options.ExactlyOnce)
        {
            config.IsolationLevel = IsolationLevel.ReadCommitted;
        }

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
        if (options.ExactlyOnce)
        {
            config.TransactionTimeoutMs = TransactionTimeoutMs(options.CommitInterval);
        }

        Apply(config, options.CommonProperties);
        Apply(config, options.ProducerProperties);

        // At-least-once without duplicates from retries: idempotence implies acks=all.
        config.EnableIdempotence = true;
        config.Acks = Acks.All;
        if (options.ExactlyOnce)
        {
            config.TransactionalId = options.TransactionalId ?? throw new InvalidOperationException("exactly-once needs a transactional id");
            FitTransactionTimeout(config, options);
        }

        return config;
    }

    // librdkafka refuses to build a transactional producer whose explicitly set message.timeout.ms
    // (or its alias delivery.timeout.ms) exceeds transaction.timeout.ms, or whose socket.timeout.ms
    // exceeds it by more than 100 ms. When the user set those but not the transaction timeout, the
    // default transaction timeout is raised to fit them instead of failing at start-up.
    private static void FitTransactionTimeout(ProducerConfig config, StageRunnerOptions options)
    {
        if (UserSet(options, "transaction.timeout.ms"))
        {
            return;
        }

        var needed = config.TransactionTimeoutMs ?? 0;
        needed = Math.Max(needed, UserMs(config, options, "message.timeout.ms") ?? 0);
        needed = Math.Max(needed, UserMs(config, options, "delivery.timeout.ms") ?? 0);
        needed = Math.Max(needed, (UserMs(config, options, "socket.timeout.ms") ?? 0) - 100);
        config.TransactionTimeoutMs = needed;
    }

    private static bool UserSet(StageRunnerOptions options, string key) =>
        options.CommonProperties.ContainsKey(key) || options.ProducerProperties.ContainsKey(key);

    private static int? UserMs(ProducerConfig config, StageRunnerOptions options, string key) =>
        UserSet(options, key) && int.TryParse(config.Get(key), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms) ? ms : null;

    /// <summary>
    /// Default <c>transaction.timeout.ms</c> under exactly-once: 20 s, or three commit intervals if that
    /// is longer. A transaction normally lives one commit interval (1 s), so 20 s leaves room for slow
    /// commits, while a crashed instance's open transaction (its transactional id is not re-initialised
    /// when the instance id changes, e.g. a new pod name) stops holding back read_committed consumers
    /// downstream after 20 s rather than librdkafka's 60 s. It also bounds <c>message.timeout.ms</c>
    /// (librdkafka lowers it to the transaction timeout): a longer broker outage aborts the transaction
    /// and the stage re-processes from its last commit. A user property overrides it.
    /// </summary>
    internal static int TransactionTimeoutMs(TimeSpan commitInterval) =>
        (int)Math.Min(900_000, Math.Max(20_000, 3 * commitInterval.TotalMilliseconds));

    private static void Apply(ClientConfig config, IReadOnlyDictionary<string, string> properties)
    {
        foreach (var (key, value) in properties)
        {
            config.Set(key, value);
        }
    }
}
