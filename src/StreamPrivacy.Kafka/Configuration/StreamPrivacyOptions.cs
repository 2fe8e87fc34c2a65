namespace StreamPrivacy.Kafka.Configuration;

/// <summary>The whole pipeline configuration (the <c>--config</c> YAML file maps onto it).</summary>
public sealed class StreamPrivacyOptions
{
    /// <summary>Kafka connection and librdkafka pass-through properties.</summary>
    public KafkaOptions Kafka { get; set; } = new();

    /// <summary>Topic names.</summary>
    public TopicOptions Topics { get; set; } = new();

    /// <summary>Processing settings.</summary>
    public ProcessingOptions Processing { get; set; } = new();

    /// <summary>Drift statistics (profile and release stages).</summary>
    public DriftOptions Drift { get; set; } = new();

    /// <summary>Leakage alerts (leakage stage).</summary>
    public LeakageOptions Leakage { get; set; } = new();

    /// <summary>OpenLineage events.</summary>
    public LineageOptions Lineage { get; set; } = new();

    /// <summary>Key sources.</summary>
    public KeyOptions Keys { get; set; } = new();

    /// <summary>Health, Prometheus and OTLP endpoints of <c>run</c>.</summary>
    public TelemetryOptions Telemetry { get; set; } = new();

    /// <summary>Path of the sanitize policy YAML file; the shipped default policy applies when unset.</summary>
    public string? PolicyFile { get; set; }

    /// <summary>Throws <see cref="OptionsValidationException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        Kafka.Validate();
        Topics.Validate();
        Processing.Validate();
        Drift.Validate();
        Leakage.Validate();
        Telemetry.Validate();
    }
}
