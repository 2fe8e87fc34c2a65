using StreamPrivacy.Kafka.Serdes;

namespace StreamPrivacy.Kafka.Configuration;

/// <summary>How stages process records.</summary>
public sealed class ProcessingOptions
{
    /// <summary>Consumer group id prefix; each stage appends its name. Default <c>streamprivacy</c>.</summary>
    public string GroupIdPrefix { get; set; } = "streamprivacy";

    /// <summary>Longest time between offset commits. Default 1 s.</summary>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most records processed between offset commits. Default 10,000.</summary>
    public int CommitEveryRecords { get; set; } = 10_000;

    /// <summary>Largest accepted input record in bytes; larger ones are rejected as <c>too_large</c>. Default 1 MiB.</summary>
    public int MaxRecordBytes { get; set; } = 1 << 20;

    /// <summary>Deepest accepted JSON nesting; deeper records are rejected as <c>too_deep</c>. Default 32.</summary>
    public int MaxDepth { get; set; } = 32;

    /// <summary>How far into the future an event time may be. Default 5 minutes.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Encoding of the sanitized topics. Default JSON, readable without a registry.</summary>
    public OutputFormat OutputFormat { get; set; } = OutputFormat.Json;

    /// <summary>
    /// Delivery guarantee: <c>exactly_once</c> (transactions: outputs and offsets commit atomically,
    /// read_committed), <c>at_least_once</c> (idempotent producer, offsets committed after outputs are
    /// acknowledged; the release ledger makes re-releases identical) or <c>auto</c> (default:
    /// exactly-once on a real broker, at-least-once on the embedded cluster, which has no transactions).
    /// </summary>
    public string Guarantee { get; set; } = "auto";

    /// <summary>
    /// Sanitize consumers per instance (like Kafka Streams' <c>num.stream.threads</c>): they share the
    /// raw partitions, each on its own thread. Default 1 (each extra consumer adds a rebalance when it joins).
    /// </summary>
    public int Threads { get; set; } = 1;

    /// <summary>
    /// Worker threads per sanitize consumer: records are dispatched by partition (in order per
    /// partition) to workers that each run their own transform; offsets are committed only once every
    /// record before them is processed and its outputs acknowledged. 1 transforms on the consumer
    /// thread. Default: the processor count, between 1 and 8.
    /// </summary>
    public int Workers { get; set; } = Math.Clamp(Environment.ProcessorCount, 1, 8);

    /// <summary>
    /// Synthetic events run through the sanitize transform at start-up, before the stages consume, so
    /// the JIT has compiled the hot paths before real traffic (at most 3 s; 0 turns it off).
    /// Default 20,000.
    /// </summary>
    public int WarmupEvents { get; set; } = 20_000;

    /// <summary>How long a graceful stop may take to flush and commit. Default 30 s.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(GroupIdPrefix))
        {
            throw new OptionsValidationException("processing.group_id_prefix must be set");
        }

        if (CommitInterval <= TimeSpan.Zero || CommitEveryRecords < 1)
        {
            throw new OptionsValidationException("processing.commit_interval and processing.commit_every_records must be positive");
        }

        if (MaxRecordBytes < 256 || MaxDepth is < 4 or > 256)
        {
            throw new OptionsValidationException("processing.max_record_bytes must be >= 256 and processing.max_depth between 4 and 256");
        }

        if (Threads is < 1 or > 64)
        {
            throw new OptionsValidationException("processing.threads must be between 1 and 64");
        }

        if (WarmupEvents < 0)
        {
            throw new OptionsValidationException("processing.warmup_events must be >= 0");
        }

        if (Workers is < 1 or > 64)
        {
            throw new OptionsValidationException("processing.workers must be between 1 and 64");
        }

        if (Guarantee is not ("auto" or "exactly_once" or "at_least_once"))
        {
            throw new OptionsValidationException($"processing.guarantee: '{Guarantee}' is not auto, exactly_once or at_least_once");
        }

        if (MaxClockSkew < TimeSpan.Zero || ShutdownTimeout <= TimeSpan.Zero)
        {
            throw new OptionsValidationException("processing.max_clock_skew must be >= 0 and processing.shutdown_timeout > 0");
        }
    }
}
