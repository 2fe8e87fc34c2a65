namespace StreamPrivacy.Kafka.Serdes;

/// <summary>Wire format used when the pipeline writes events to its output topics.</summary>
public enum OutputFormat
{
    /// <summary>UTF-8 JSON, the pipeline's internal representation.</summary>
    Json,

    /// <summary>Avro single-object encoding (0xC3 0x01, fingerprint, binary body).</summary>
    Avro,
}
