using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Core.Drift.Offline;

/// <summary>Settings of an offline two-sample drift comparison (<c>streamprivacy drift</c>).</summary>
public sealed class OfflineDriftOptions
{
    /// <summary>Equal-frequency bins per numeric feature. Default 10.</summary>
    public int Bins { get; init; } = 10;

    /// <summary>
    /// Total ε for the whole release (all features together), or null for exact, non-private metrics.
    /// Split equally: each of the F features gets ε/F (basic composition).
    /// </summary>
    public Rational? Epsilon { get; init; }

    /// <summary>Key that seeds the release noise; null draws a fresh key from the OS CSPRNG.</summary>
    public SecretKey? NoiseKey { get; init; }

    /// <summary>Path of the subject identifier in the current events (e.g. <c>subject_id</c>); null: each line is its own subject.</summary>
    public string? SubjectField { get; init; }

    /// <summary>Most events one subject contributes (k, the histogram's L1 sensitivity). Default 1.</summary>
    public int ContributionBound { get; init; } = 1;

    /// <summary>
    /// Re-noised copies per feature for the metrics' 90% error bars when ε is set (0: none).
    /// Default <see cref="FeatureReleaser.DefaultErrorBarSamples"/>.
    /// </summary>
    public int ErrorBarSamples { get; init; } = FeatureReleaser.DefaultErrorBarSamples;

    /// <summary>Drift thresholds (default: psi ≥ 0.2).</summary>
    public DriftThresholds? Thresholds { get; init; }
}
