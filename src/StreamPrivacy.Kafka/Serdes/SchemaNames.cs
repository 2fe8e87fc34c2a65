namespace StreamPrivacy.Kafka.Serdes;

/// <summary>Full names of the schemas in <c>schemas/</c>.</summary>
public static class SchemaNames
{
    /// <summary>Raw inference event (<c>ml.inference.raw</c>).</summary>
    public const string RawInferenceEvent = "io.streamprivacy.v1.RawInferenceEvent";

    /// <summary>Raw feature event (<c>ml.features.raw</c>).</summary>
    public const string RawFeatureEvent = "io.streamprivacy.v1.RawFeatureEvent";

    /// <summary>Sanitized inference event (<c>ml.inference.sanitized</c>).</summary>
    public const string SanitizedInferenceEvent = "io.streamprivacy.v1.SanitizedInferenceEvent";

    /// <summary>Sanitized feature event (<c>ml.features.sanitized</c>).</summary>
    public const string SanitizedFeatureEvent = "io.streamprivacy.v1.SanitizedFeatureEvent";

    /// <summary>Metric release (<c>ml.metrics</c>).</summary>
    public const string MetricRelease = "io.streamprivacy.v1.MetricRelease";

    /// <summary>Alert (<c>ml.alerts.drift</c>, <c>ml.alerts.leakage</c>).</summary>
    public const string Alert = "io.streamprivacy.v1.Alert";

    /// <summary>Partial histogram (<c>streamprivacy.internal.partials</c>).</summary>
    public const string PartialHistogram = "io.streamprivacy.v1.PartialHistogram";

    /// <summary>Ledger record (<c>streamprivacy.ledger</c>).</summary>
    public const string LedgerRecord = "io.streamprivacy.v1.LedgerRecord";

    /// <summary>Dead-letter record (<c>streamprivacy.deadletter</c>).</summary>
    public const string DeadLetterRecord = "io.streamprivacy.v1.DeadLetterRecord";
}
