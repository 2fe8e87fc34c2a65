namespace StreamPrivacy.Kafka.Configuration;

/// <summary>Topic names (DESIGN §1); every one is configurable.</summary>
public sealed class TopicOptions
{
    /// <summary>Raw inference events (input).</summary>
    public string InferenceRaw { get; set; } = "ml.inference.raw";

    /// <summary>Raw feature events (input).</summary>
    public string FeaturesRaw { get; set; } = "ml.features.raw";

    /// <summary>Sanitized inference events.</summary>
    public string InferenceSanitized { get; set; } = "ml.inference.sanitized";

    /// <summary>Sanitized feature events.</summary>
    public string FeaturesSanitized { get; set; } = "ml.features.sanitized";

    /// <summary>DP-noised window statistics and drift metrics.</summary>
    public string Metrics { get; set; } = "ml.metrics";

    /// <summary>Drift alerts.</summary>
    public string DriftAlerts { get; set; } = "ml.alerts.drift";

    /// <summary>Privacy-leakage alerts.</summary>
    public string LeakageAlerts { get; set; } = "ml.alerts.leakage";

    /// <summary>OpenLineage run events.</summary>
    public string Lineage { get; set; } = "ml.lineage";

    /// <summary>Per-partition partial histograms (internal).</summary>
    public string Partials { get; set; } = "streamprivacy.internal.partials";

    /// <summary>Release ledger, budget state and audit log (internal, compacted).</summary>
    public string Ledger { get; set; } = "streamprivacy.ledger";

    /// <summary>Records that could not be processed: metadata and encrypted payload only (restricted).</summary>
    public string DeadLetter { get; set; } = "streamprivacy.deadletter";

    /// <summary>All topic names, for provisioning.</summary>
    public IReadOnlyList<string> All =>
        [InferenceRaw, FeaturesRaw, InferenceSanitized, FeaturesSanitized, Metrics, DriftAlerts, LeakageAlerts, Lineage, Partials, Ledger, DeadLetter];

    /// <summary>Throws when a name is empty or names repeat.</summary>
    public void Validate()
    {
        var all = All;
        if (all.Any(string.IsNullOrWhiteSpace))
        {
            throw new OptionsValidationException("topics: every topic name must be set");
        }

        var duplicate = all.GroupBy(t => t, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new OptionsValidationException($"topics: '{duplicate.Key}' is used for more than one topic");
        }
    }
}
