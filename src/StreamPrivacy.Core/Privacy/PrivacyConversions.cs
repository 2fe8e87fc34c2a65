namespace StreamPrivacy.Core.Privacy;

/// <summary>Conversions between privacy definitions, for accounting and reporting.</summary>
/// <remarks>
/// Privacy semantics: ε-DP implies (ε²/2)-zCDP (Bun and Steinke 2016, Prop. 1.4); ρ-zCDP implies
/// (ρ + 2√(ρ·ln(1/δ)), δ)-DP for every δ &gt; 0 (Bun and Steinke 2016, Prop. 1.3). The (ε, δ) value is
/// a reporting figure (double); budgets are enforced on exact ε and ρ.
/// </remarks>
public static class PrivacyConversions
{
    /// <summary>ρ = ε²/2: the zCDP guarantee implied by pure ε-DP (exact).</summary>
    public static Rational PureDpToZcdp(Rational epsilon)
    {
        if (epsilon.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "ε must be non-negative");
        }

        return epsilon * epsilon / 2;
    }

    /// <summary>ε = ρ + 2√(ρ·ln(1/δ)): the approximate-DP ε implied by ρ-zCDP at failure probability δ.</summary>
    public static double ZcdpToEpsilon(double rho, double delta)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rho);
        if (!(delta > 0 && delta < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "δ lies in (0, 1)");
        }

        return rho + (2 * Math.Sqrt(rho * Math.Log(1 / delta)));
    }
}
