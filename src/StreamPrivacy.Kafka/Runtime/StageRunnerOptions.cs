namespace StreamPrivacy.Kafka.Runtime;

/// <summary>Settings of one stage runner instance.</summary>
public sealed class StageRunnerOptions
{
    /// <summary>Bootstrap servers.</summary>
    public required string BootstrapServers { get; init; }

    /// <summary>Consumer group id.</summary>
    public required string GroupId { get; init; }

    /// <summary>Client id, for broker-side logs and quotas.</summary>
    public string? ClientId { get; init; }

    /// <summary>librdkafka properties for both clients (TLS, SASL, …).</summary>
    public IReadOnlyDictionary<string, string> CommonProperties { get; init; } = new Dictionary<string, string>();

    /// <summary>librdkafka properties for the consumer only.</summary>
    public IReadOnlyDictionary<string, string> ConsumerProperties { get; init; } = new Dictionary<string, string>();

    /// <summary>librdkafka properties for the producer only.</summary>
    public IReadOnlyDictionary<string, string> ProducerProperties { get; init; } = new Dictionary<string, string>();

    /// <summary>Longest time between commits.</summary>
    public TimeSpan CommitInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Most records between commits.</summary>
    public int CommitEveryRecords { get; init; } = 10_000;

    /// <summary>
    /// Exactly-once processing with transactions (Confluent's ExactlyOnce pattern): outputs and input
    /// offsets commit atomically; consumers downstream must read with read_committed. Needs a broker
    /// with transaction support (the embedded mock cluster accepts the calls but does not isolate
    /// aborted records). The runner does not fall back: if the broker refuses transactions it fails
    /// (the pipeline decides on a fallback once, before building its runners).
    /// </summary>
    public bool ExactlyOnce { get; init; }

    /// <summary>
    /// Transactional id of this instance's producer (exactly-once only); unique per live instance and
    /// stage, or the newer producer fences the older one.
    /// </summary>
    public string? TransactionalId { get; init; }

    /// <summary>
    /// Exactly-once only: how long a transactional call that fails with a retriable error (a commit
    /// or abort that timed out, a coordinator moving) is repeated before the stage gives up. Default 60 s.
    /// </summary>
    public TimeSpan TransactionRetryTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Worker threads for a stateless processor (records dispatched by partition, in order per
    /// partition); 1 processes on the consumer thread. Stateful processors always use 1.
    /// </summary>
    public int Workers { get; init; } = 1;

    /// <summary>Records that may wait in each worker's queue; a full queue blocks the consumer (backpressure).</summary>
    public int WorkerQueueCapacity { get; init; } = 1024;

    /// <summary>Longest wait for outstanding deliveries when stopping.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Lifecycle callbacks (e.g. the audit log writer), or null.</summary>
    public IStageHooks? Hooks { get; init; }
}
