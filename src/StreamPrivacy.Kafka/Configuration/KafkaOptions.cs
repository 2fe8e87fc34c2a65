namespace StreamPrivacy.Kafka.Configuration;

/// <summary>Connection to Kafka. Any librdkafka property passes through unchanged.</summary>
public sealed class KafkaOptions
{
    /// <summary>Bootstrap servers; when empty the embedded in-process cluster is started.</summary>
    public string? BootstrapServers { get; set; }

    /// <summary>librdkafka properties for every client (e.g. <c>security.protocol</c>, <c>sasl.mechanism</c>, <c>ssl.ca.location</c>).</summary>
    public Dictionary<string, string> Properties { get; set; } = new(StringComparer.Ordinal);

    /// <summary>librdkafka properties for consumers only.</summary>
    public Dictionary<string, string> Consumer { get; set; } = new(StringComparer.Ordinal);

    /// <summary>librdkafka properties for producers only.</summary>
    public Dictionary<string, string> Producer { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Partitions per topic when the embedded cluster provisions topics. Default 6.</summary>
    public int EmbeddedPartitions { get; set; } = 6;

    /// <summary>Brokers in the embedded cluster. Default 3.</summary>
    public int EmbeddedBrokers { get; set; } = 3;

    /// <summary>True when no bootstrap servers are configured.</summary>
    public bool UseEmbedded => string.IsNullOrWhiteSpace(BootstrapServers);

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        if (EmbeddedPartitions is < 1 or > 64)
        {
            throw new OptionsValidationException("kafka.embedded_partitions must be between 1 and 64");
        }

        if (EmbeddedBrokers is < 1 or > 9)
        {
            throw new OptionsValidationException("kafka.embedded_brokers must be between 1 and 9");
        }
    }
}
