namespace StreamPrivacy.Cli.Report;

/// <summary>A drift or leakage alert: names, counts and metric values only.</summary>
internal sealed record AlertEntry
{
    /// <summary>Alert id (replays repeat it).</summary>
    public required string AlertId { get; init; }

    /// <summary>drift or leakage.</summary>
    public required string Type { get; init; }

    /// <summary>Leakage kind (pii_in_model_output, canary_hit, probing, …); null for drift.</summary>
    public string? Kind { get; init; }

    /// <summary>raised or resolved.</summary>
    public required string State { get; init; }

    /// <summary>Severity (warning, critical).</summary>
    public string? Severity { get; init; }

    /// <summary>Model the alert is about (empty name: pipeline-wide).</summary>
    public required ModelKey Model { get; init; }

    /// <summary>Feature set, when the alert names a stream.</summary>
    public string? FeatureSet { get; init; }

    /// <summary>JSON path of the field concerned.</summary>
    public string? FieldPath { get; init; }

    /// <summary>Entity type (PII alerts).</summary>
    public string? EntityType { get; init; }

    /// <summary>Count (findings, events or charges).</summary>
    public long? Count { get; init; }

    /// <summary>Total events considered, when given.</summary>
    public long? Total { get; init; }

    /// <summary>Window start.</summary>
    public DateTimeOffset? WindowStart { get; init; }

    /// <summary>When the alert was emitted.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Drift metric.</summary>
    public string? Metric { get; init; }

    /// <summary>Drift metric value (DP-noised).</summary>
    public double? Value { get; init; }

    /// <summary>Drift threshold.</summary>
    public double? Threshold { get; init; }

    /// <summary>Pseudonymous client id (probing alerts).</summary>
    public string? Client { get; init; }

    /// <summary>ε spent (budget alerts).</summary>
    public double? EpsilonSpent { get; init; }

    /// <summary>ε budget of the period (budget alerts).</summary>
    public double? EpsilonBudget { get; init; }

    /// <summary>The time the timeline places the alert at: created_at, else the window start.</summary>
    public DateTimeOffset? At => CreatedAt ?? WindowStart;
}
