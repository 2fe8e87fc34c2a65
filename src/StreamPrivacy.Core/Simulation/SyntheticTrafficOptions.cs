namespace StreamPrivacy.Core.Simulation;

/// <summary>Shape of the synthetic traffic used by the demo and the benchmarks.</summary>
public sealed class SyntheticTrafficOptions
{
    /// <summary>Seed for reproducible traffic (synthetic data only; never used for DP noise).</summary>
    public int Seed { get; set; } = 20261120;

    /// <summary>Number of distinct data subjects. Default 2,000.</summary>
    public int Subjects { get; set; } = 2_000;

    /// <summary>Share of events whose consent includes <c>monitoring</c>. Default 0.9.</summary>
    public double ConsentRate { get; set; } = 0.9;

    /// <summary>Share of inference events with PII planted in their free text. Default 0.3.</summary>
    public double PiiRate { get; set; } = 0.3;

    /// <summary>Share of feature events (the rest are inference events). Default 0.2.</summary>
    public double FeatureEventRate { get; set; } = 0.2;

    /// <summary>Share of deliberately malformed records (bad JSON, wrong types, future times). Default 0.005.</summary>
    public double MalformedRate { get; set; } = 0.005;

    /// <summary>Event index from which drift is injected, or null for none.</summary>
    public long? DriftFromEvent { get; set; }

    /// <summary>A canary string the model "memorised": planted in the response of the first inference event at or after <see cref="CanaryAtEvent"/>.</summary>
    public string? Canary { get; set; }

    /// <summary>Event index from which the canary is planted (once).</summary>
    public long CanaryAtEvent { get; set; }

    /// <summary>Throws when an option is out of range.</summary>
    public void Validate()
    {
        if (Subjects < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Subjects), "must be at least 1");
        }

        foreach (var (name, rate) in new[] { (nameof(ConsentRate), ConsentRate), (nameof(PiiRate), PiiRate), (nameof(FeatureEventRate), FeatureEventRate), (nameof(MalformedRate), MalformedRate) })
        {
            if (rate is < 0 or > 1 || double.IsNaN(rate))
            {
                throw new ArgumentOutOfRangeException(name, "must be between 0 and 1");
            }
        }
    }
}
