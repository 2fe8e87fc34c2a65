using System.Numerics;

namespace StreamPrivacy.Core.Privacy;

/// <summary>
/// Exact sampling from the discrete Gaussian on ℤ, P(x) ∝ exp(−x²/(2σ²)), for rational σ² ≥ 0
/// (Canonne, Kamath and Steinke 2020, Algorithm 3), with integer arithmetic only.
/// </summary>
/// <remarks>
/// Privacy semantics: adding discrete Gaussian noise with σ² = Δ₂²/(2ρ) to an integer query of L2
/// sensitivity Δ₂ gives ρ-zCDP. The sampler proposes Y from a discrete Laplace of integer scale
/// t = ⌊σ⌋ + 1 and accepts with probability exp(−(|Y| − σ²/t)²/(2σ²)), which is exactly the ratio
/// of the target to the proposal up to a constant; the exponent is the rational
/// (|Y|·d·t − n)² / (2·n·d·t²) for σ² = n/d.
/// </remarks>
public static class DiscreteGaussian
{
    /// <summary>
    /// One sample with variance parameter <paramref name="sigmaSquared"/> (0 gives 0); throws
    /// <see cref="OverflowException"/> if it does not fit a long (only for astronomically large σ²).
    /// </summary>
    public static long Sample(IRandomBitSource random, Rational sigmaSquared) => (long)SampleBig(random, sigmaSquared);

    /// <summary>One sample as an arbitrary-precision integer.</summary>
    public static BigInteger SampleBig(IRandomBitSource random, Rational sigmaSquared)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (sigmaSquared.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sigmaSquared), sigmaSquared, "σ² must be non-negative");
        }

        if (sigmaSquared.IsZero)
        {
            return BigInteger.Zero;
        }

        var n = sigmaSquared.Numerator;
        var d = sigmaSquared.Denominator;
        var t = IntegerMath.FloorSqrt(sigmaSquared.Floor()) + 1;
        var proposalScale = new Rational(t, 1);
        var exponentDenominator = 2 * n * d * t * t;
        while (true)
        {
            var y = DiscreteLaplace.SampleBig(random, proposalScale);
            var offset = (BigInteger.Abs(y) * d * t) - n;
            if (BernoulliExponential.Sample(random, new Rational(offset * offset, exponentDenominator)))
            {
                return y;
            }
        }
    }
}
