namespace StreamPrivacy.Core.Leakage;

/// <summary>Thresholds of the leakage monitor.</summary>
public sealed record LeakageSettings
{
    /// <summary>Aggregation window (wall clock). Default 1 minute.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>PII redactions in one output field and entity type per window that raise an alert. Default 1.</summary>
    public int OutputPiiThreshold { get; init; } = 1;

    /// <summary>Queries of one client per window above which it is probing. Default 300.</summary>
    public int ProbingQueries { get; init; } = 300;

    /// <summary>Fewest queries of a client per window before the near-duplicate share is judged. Default 20.</summary>
    public int ProbingMinQueries { get; init; } = 20;

    /// <summary>Share of a client's queries that are near-duplicates of its earlier ones that counts as probing. Default 0.5.</summary>
    public double NearDuplicateShare { get; init; } = 0.5;

    /// <summary>Earlier queries per client a new one is compared with. Default 16.</summary>
    public int NearDuplicateHistory { get; init; } = 16;

    /// <summary>Most new alerts raised per window and kind (the rest wait for a later window). Default 10.</summary>
    public int MaxRaisedPerWindow { get; init; } = 10;
}
