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

    /// <summary>Longest wait for outstanding deliveries when stopping.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
