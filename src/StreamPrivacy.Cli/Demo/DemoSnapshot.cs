namespace StreamPrivacy.Cli.Demo;

/// <summary>One reading of the demo's counters.</summary>
internal sealed record DemoSnapshot(
    TimeSpan Elapsed,
    long Generated,
    long Consumed,
    long Sanitized,
    long DroppedForConsent,
    long Rejected,
    IReadOnlyDictionary<string, long> RejectedByReason,
    IReadOnlyDictionary<string, long> ProducedByTopic,
    IReadOnlyDictionary<string, long> RedactionsByEntity,
    long Withheld,
    double ConsumedPerSecond)
{
    /// <summary>Windows released by the release stage.</summary>
    public int WindowsReleased { get; init; }

    /// <summary>Records on the metrics topic.</summary>
    public long MetricsReleased { get; init; }

    /// <summary>Drift alerts (raised or resolved).</summary>
    public long DriftAlerts { get; init; }
}
