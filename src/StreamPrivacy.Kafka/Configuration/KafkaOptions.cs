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

    /// <summary>Prefix of environment variables that set librdkafka properties for every client.</summary>
    public const string EnvironmentPrefix = "STREAMPRIVACY_KAFKA_";

    /// <summary>
    /// Applies librdkafka properties from environment variables <c>STREAMPRIVACY_KAFKA_{NAME}</c>, the name
    /// lower-cased with <c>_</c> read as <c>.</c> (e.g. <c>STREAMPRIVACY_KAFKA_SASL_PASSWORD</c> →
    /// <c>sasl.password</c>), so secrets come from a Kubernetes Secret without appearing in the
    /// configuration file or the process arguments. They override the file; <c>-X</c> overrides them.
    /// </summary>
    /// <returns>The property names that were set (never their values).</returns>
    public IReadOnlyList<string> ApplyEnvironment(System.Collections.IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var applied = new List<string>();
        foreach (System.Collections.DictionaryEntry entry in environment)
        {
            if (entry.Key is string name && name.StartsWith(EnvironmentPrefix, StringComparison.Ordinal)
                && name.Length > EnvironmentPrefix.Length && entry.Value is string value)
            {
                var property = name[EnvironmentPrefix.Length..].ToLowerInvariant().Replace('_', '.');
                Properties[property] = value;
                applied.Add(property);
            }
        }

        applied.Sort(StringComparer.Ordinal);
        return applied;
    }

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
