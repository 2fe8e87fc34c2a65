using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Core.Drift.Release;

/// <summary>What one window release of a stream costs and how it is computed.</summary>
/// <remarks>
/// Privacy semantics (DESIGN §3): all features of a stream in a window contain the same subjects,
/// so their charges add up: the window's <see cref="EpsilonPerWindow"/> (or <see cref="RhoPerWindow"/>)
/// is split equally over the F monitored features (ε/F or ρ/F each, basic composition) and charged
/// once per window to the stream's budget. Each histogram has L1 and L2 sensitivity
/// <see cref="ContributionBound"/> (k records per subject per window).
/// </remarks>
public sealed record ReleaseSettings
{
    /// <summary>The mechanism (default discrete Laplace).</summary>
    public ReleaseMechanism Mechanism { get; init; } = ReleaseMechanism.DiscreteLaplace;

    /// <summary>ε of one window of one stream, all features together (discrete Laplace). Default 1/2.</summary>
    public Rational EpsilonPerWindow { get; init; } = new(1, 2);

    /// <summary>ρ of one window of one stream, all features together (discrete Gaussian). Default 1/8.</summary>
    public Rational RhoPerWindow { get; init; } = new(1, 8);

    /// <summary>k: records per subject, stream and window (the histogram sensitivity). Default 1.</summary>
    public int ContributionBound { get; init; } = 1;

    /// <summary>Drift thresholds (default psi ≥ 0.2).</summary>
    public DriftThresholds Thresholds { get; init; } = new();

    /// <summary>Simulated re-noisings per feature for the metric error bars.</summary>
    public int ErrorBarSamples { get; init; } = FeatureReleaser.DefaultErrorBarSamples;

    /// <summary>The charge of one window of one stream.</summary>
    public PrivacyCharge WindowCharge => Mechanism switch
    {
        ReleaseMechanism.DiscreteLaplace => PrivacyCharge.ForEpsilon(EpsilonPerWindow),
        ReleaseMechanism.DiscreteGaussian => PrivacyCharge.ForRho(RhoPerWindow),
        _ => default,
    };

    /// <summary>The mechanism of each of <paramref name="features"/> features, or null without DP.</summary>
    public IHistogramMechanism? FeatureMechanism(int features)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 1);
        var share = new Rational(1, features);
        return Mechanism switch
        {
            ReleaseMechanism.DiscreteLaplace => new LaplaceMechanism(EpsilonPerWindow * share, ContributionBound),
            ReleaseMechanism.DiscreteGaussian => new GaussianMechanism(RhoPerWindow * share, ContributionBound),
            _ => null,
        };
    }
}
