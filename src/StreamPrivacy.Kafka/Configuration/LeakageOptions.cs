using StreamPrivacy.Core.Leakage;

namespace StreamPrivacy.Kafka.Configuration;

/// <summary>
/// The leakage stage: PII in model outputs, canary hits, probing per pseudonymous client and
/// post-redaction hits, aggregated per window into raise/resolve alerts on <c>ml.alerts.leakage</c>.
/// </summary>
public sealed class LeakageOptions
{
    /// <summary>Runs the leakage stage. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Aggregation window (wall clock). Default 1 minute.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Canary file (<c>streamprivacy canary add</c>): keyed hashes only, matched with the <c>canary</c> key.</summary>
    public string? CanariesFile { get; set; }

    /// <summary>PII redactions per output field and entity type per window that raise an alert. Default 1.</summary>
    public int OutputPiiThreshold { get; set; } = 1;

    /// <summary>Queries of one client per window that count as probing. Default 300.</summary>
    public int ProbingQueries { get; set; } = 300;

    /// <summary>Fewest queries of a client per window before its near-duplicate share is judged. Default 20.</summary>
    public int ProbingMinQueries { get; set; } = 20;

    /// <summary>Near-duplicate share of a client's queries that counts as probing. Default 0.5.</summary>
    public double NearDuplicateShare { get; set; } = 0.5;

    /// <summary>Most new alerts per window and kind. Default 10.</summary>
    public int MaxRaisedPerWindow { get; set; } = 10;

    /// <summary>The monitor settings.</summary>
    public LeakageSettings ToSettings() => new()
    {
        Window = Window,
        OutputPiiThreshold = OutputPiiThreshold,
        ProbingQueries = ProbingQueries,
        ProbingMinQueries = ProbingMinQueries,
        NearDuplicateShare = NearDuplicateShare,
        MaxRaisedPerWindow = MaxRaisedPerWindow,
    };

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        if (Window <= TimeSpan.Zero || OutputPiiThreshold < 1 || ProbingQueries < 1 || ProbingMinQueries < 1 || MaxRaisedPerWindow < 1
            || NearDuplicateShare is <= 0 or > 1)
        {
            throw new OptionsValidationException("leakage: window, thresholds and max_raised_per_window must be positive and near_duplicate_share in (0, 1]");
        }
    }
}
