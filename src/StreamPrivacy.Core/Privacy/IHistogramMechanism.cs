namespace StreamPrivacy.Core.Privacy;

/// <summary>A DP mechanism that releases a vector of counts with integer noise.</summary>
/// <remarks>
/// Privacy semantics: a release of a count vector whose sensitivity is at most
/// <see cref="Sensitivity"/> (L1 for pure ε-DP, L2 for zCDP) costs exactly <see cref="Charge"/>;
/// the caller charges the accountant before emitting, and draws the noise from the release's
/// deterministic stream so that a replay reproduces the same values.
/// </remarks>
public interface IHistogramMechanism
{
    /// <summary>"discrete_laplace" or "discrete_gaussian".</summary>
    string Name { get; }

    /// <summary>The sensitivity k the noise is calibrated to (the per-window contribution bound).</summary>
    int Sensitivity { get; }

    /// <summary>What one release costs.</summary>
    PrivacyCharge Charge { get; }

    /// <summary>Noise scale for reporting: t (Laplace) or σ (Gaussian).</summary>
    double Scale { get; }

    /// <summary>Half-width h of the central 90% interval of the noise of one count.</summary>
    long ErrorBar90 { get; }

    /// <summary>Adds independent noise to each count, drawing from <paramref name="random"/>.</summary>
    NoisyHistogram Release(IReadOnlyList<long> counts, IRandomBitSource random);
}
