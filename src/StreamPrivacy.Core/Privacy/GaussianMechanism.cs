namespace StreamPrivacy.Core.Privacy;

/// <summary>
/// The discrete Gaussian mechanism for histograms: each count gets independent discrete Gaussian
/// noise with σ² = k²/(2ρ).
/// </summary>
/// <remarks>
/// Privacy semantics: ρ-zCDP for a count vector of L2 sensitivity k (Canonne, Kamath and Steinke
/// 2020, Thm. 4: the discrete Gaussian with σ² = Δ₂²/(2ρ) gives exactly the continuous Gaussian's
/// zCDP guarantee). σ² is an exact rational, so the charge ρ is exactly what the noise provides;
/// convert to (ε, δ) with <see cref="PrivacyConversions.ZcdpToEpsilon"/> for reporting.
/// </remarks>
public sealed class GaussianMechanism : IHistogramMechanism
{
    /// <summary>Creates the mechanism for ρ &gt; 0 and L2 sensitivity k ≥ 1.</summary>
    public GaussianMechanism(Rational rho, int sensitivity)
    {
        if (rho.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rho), rho, "ρ must be positive");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(sensitivity, 1);
        Rho = rho;
        Sensitivity = sensitivity;
        SigmaSquared = new Rational((long)sensitivity * sensitivity, 2) / rho;
        ErrorBar90 = NoiseIntervals.GaussianHalfWidth(SigmaSquared, 0.9);
    }

    /// <summary>The mechanism name used in release records.</summary>
    public string Name => "discrete_gaussian";

    /// <summary>ρ of one release.</summary>
    public Rational Rho { get; }

    /// <inheritdoc/>
    public int Sensitivity { get; }

    /// <summary>The exact variance parameter σ² = k²/(2ρ).</summary>
    public Rational SigmaSquared { get; }

    /// <inheritdoc/>
    public PrivacyCharge Charge => PrivacyCharge.ForRho(Rho);

    /// <inheritdoc/>
    public double Scale => Math.Sqrt(SigmaSquared.ToDouble());

    /// <inheritdoc/>
    public long ErrorBar90 { get; }

    /// <inheritdoc/>
    public NoisyHistogram Release(IReadOnlyList<long> counts, IRandomBitSource random) =>
        new(Name, null, Rho, Sensitivity, Scale, ErrorBar90, AddNoise(counts, random));

    /// <summary>The noise path on its own: integers in, integers out, no floating point.</summary>
    internal long[] AddNoise(IReadOnlyList<long> counts, IRandomBitSource random)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(random);
        var noisy = new long[counts.Count];
        for (var i = 0; i < noisy.Length; i++)
        {
            noisy[i] = checked(counts[i] + DiscreteGaussian.Sample(random, SigmaSquared));
        }

        return noisy;
    }
}
