using System.Numerics;

namespace StreamPrivacy.Core.Privacy;

/// <summary>
/// Exact sampling from the discrete Laplace distribution on ℤ, P(x) ∝ exp(−|x|/t), for rational
/// scale t &gt; 0 (Canonne, Kamath and Steinke 2020, Algorithm 2), with integer arithmetic only.
/// </summary>
/// <remarks>
/// Privacy semantics: adding discrete Laplace noise of scale t = Δ₁/ε to an integer query of L1
/// sensitivity Δ₁ gives pure ε-DP. With t = a/b in lowest terms the sampler draws a geometric
/// X ~ Geometric(1 − exp(−1/a)) as U + a·V (U uniform below a accepted with prob. exp(−U/a),
/// V ~ Geometric(1 − exp(−1))), divides by b (⌊X/b⌋ is geometric with parameter 1 − exp(−b/a)),
/// and attaches a fair sign, rejecting "negative zero" so zero is not counted twice.
/// </remarks>
public static class DiscreteLaplace
{
    /// <summary>
    /// One sample with scale <paramref name="scale"/> (variance 2q/(1−q)², q = exp(−1/t)); throws
    /// <see cref="OverflowException"/> if it does not fit a long (only for astronomically large scales).
    /// </summary>
    public static long Sample(IRandomBitSource random, Rational scale) => (long)SampleBig(random, scale);

    /// <summary>One sample as an arbitrary-precision integer.</summary>
    public static BigInteger SampleBig(IRandomBitSource random, Rational scale)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (scale.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "the scale must be positive");
        }

        var a = scale.Numerator;
        var b = scale.Denominator;
        var one = Rational.One;
        while (true)
        {
            var u = random.NextBelow(a);
            if (!BernoulliExponential.Sample(random, new Rational(u, a)))
            {
                continue;
            }

            var v = BigInteger.Zero;
            while (BernoulliExponential.Sample(random, one))
            {
                v++;
            }

            var magnitude = (u + (a * v)) / b;
            var negative = random.NextBelow(2UL) == 1;
            if (negative && magnitude.IsZero)
            {
                continue;
            }

            return negative ? -magnitude : magnitude;
        }
    }
}
