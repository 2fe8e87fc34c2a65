namespace StreamPrivacy.Core.Privacy;

/// <summary>
/// The discrete Laplace mechanism for histograms: each count gets independent discrete Laplace noise
/// of scale t = k/ε.
/// </summary>
/// <remarks>
/// Privacy semantics: pure ε-DP for a count vector of L1 sensitivity k (a histogram where each
/// subject contributes at most k records per window, DESIGN §3). The noise is sampled exactly with
/// integer arithmetic; ε and k are exact, so the charge is exactly what the noise provides.
/// </remarks>
public sealed class LaplaceMechanism : IHistogramMechanism
{
    /// <summary>Creates the mechanism for privacy parameter ε &gt; 0 and L1 sensitivity k ≥ 1.</summary>
    public LaplaceMechanism(Rational epsilon, int sensitivity)
    {
        if (epsilon.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "ε must be positive");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(sensitivity, 1);
        Epsilon = epsilon;
        Sensitivity = sensitivity;
        NoiseScale = new Rational(sensitivity, 1) / epsilon;
        ErrorBar90 = NoiseIntervals.LaplaceHalfWidth(NoiseScale, 0.9);
    }

    /// <summary>The mechanism name used in release records.</summary>
    public string Name => "discrete_laplace";

    /// <summary>ε of one release.</summary>
    public Rational Epsilon { get; }

    /// <inheritdoc/>
    public int Sensitivity { get; }

    /// <summary>The exact noise scale t = k/ε.</summary>
    public Rational NoiseScale { get; }

    /// <inheritdoc/>
    public PrivacyCharge Charge => PrivacyCharge.ForEpsilon(Epsilon);

    /// <inheritdoc/>
    public double Scale => NoiseScale.ToDouble();

    /// <inheritdoc/>
    public long ErrorBar90 { get; }

    /// <inheritdoc/>
    public NoisyHistogram Release(IReadOnlyList<long> counts, IRandomBitSource random) =>
        new(Name, Epsilon, null, Sensitivity, Scale, ErrorBar90, AddNoise(counts, random));

    /// <summary>The noise path on its own: integers in, integers out, no floating point.</summary>
    internal long[] AddNoise(IReadOnlyList<long> counts, IRandomBitSource random)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(random);
        var noisy = new long[counts.Count];
        for (var i = 0; i < noisy.Length; i++)
        {
            noisy[i] = checked(counts[i] + DiscreteLaplace.Sample(random, NoiseScale));
        }

        return noisy;
    }
}
