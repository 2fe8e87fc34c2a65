using System.Numerics;

namespace StreamPrivacy.Core.Privacy;

/// <summary>
/// Exact Bernoulli(exp(−γ)) sampling for rational γ ≥ 0, with integer arithmetic only
/// (Canonne, Kamath and Steinke 2020, "The Discrete Gaussian for Differential Privacy", Algorithm 1).
/// </summary>
/// <remarks>
/// Privacy semantics: the building block of the discrete Laplace and Gaussian samplers. It is exact:
/// for γ ∈ [0, 1] it draws A_k ~ Bernoulli(γ/k) for k = 1, 2, … until the first failure at K and
/// returns whether K is odd, which has probability Σ (−γ)^j/j! = exp(−γ); for γ &gt; 1 it uses
/// exp(−γ) = exp(−1)^⌊γ⌋ · exp(−(γ − ⌊γ⌋)). Each Bernoulli(γ/k) compares uniform integers, so no
/// rounding can bias the probability (floating-point exp is what Mironov 2012 attacked).
/// </remarks>
public static class BernoulliExponential
{
    /// <summary>True with probability exactly exp(−<paramref name="gamma"/>).</summary>
    public static bool Sample(IRandomBitSource random, Rational gamma)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (gamma.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "γ must be non-negative");
        }

        if (gamma <= Rational.One)
        {
            return SampleAtMostOne(random, gamma);
        }

        var whole = gamma.Floor();
        for (var i = BigInteger.Zero; i < whole; i++)
        {
            if (!SampleAtMostOne(random, Rational.One))
            {
                return false;
            }
        }

        return SampleAtMostOne(random, gamma - whole);
    }

    private static bool SampleAtMostOne(IRandomBitSource random, Rational gamma)
    {
        // Bernoulli(γ/k) = [U < n] for U uniform on [0, d·k), with γ = n/d.
        var numerator = gamma.Numerator;
        var denominator = gamma.Denominator;
        var k = BigInteger.One;
        while (random.NextBelow(denominator * k) < numerator)
        {
            k++;
        }

        return !k.IsEven;
    }
}
