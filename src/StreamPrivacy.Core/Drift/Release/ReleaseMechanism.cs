namespace StreamPrivacy.Core.Drift.Release;

/// <summary>How a stream's window histograms are released.</summary>
public enum ReleaseMechanism
{
    /// <summary>Exact counts, no privacy (testing, or data that is not personal). Charges nothing.</summary>
    None = 0,

    /// <summary>Discrete Laplace, pure ε-DP.</summary>
    DiscreteLaplace = 1,

    /// <summary>Discrete Gaussian, ρ-zCDP.</summary>
    DiscreteGaussian = 2,
}
