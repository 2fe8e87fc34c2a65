namespace StreamPrivacy.Core.Privacy;

/// <summary>Conversions between privacy definitions, for accounting and reporting.</summary>
/// <remarks>
/// Privacy semantics: ε-DP implies (ε²/2)-zCDP (Bun and Steinke 2016, Prop. 1.4); ρ-zCDP implies
/// (ρ + 2√(ρ·ln(1/δ)), δ)-DP for every δ &gt; 0 (Bun and Steinke 2016, Prop. 1.3). The tighter
/// <see cref="ZcdpToEpsilonTight"/> uses the Rényi-DP conversion of Canonne, Kamath and Steinke 2020
/// (Prop. 12) / Balle et al. 2020: ρ-zCDP is (α, αρ)-RDP for every α &gt; 1, and (α, τ)-RDP implies
/// (τ + ln(1 − 1/α) − (ln δ + ln α)/(α − 1), δ)-DP. The (ε, δ) values are reporting figures
/// (double); budgets are enforced on exact ε and ρ.
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

    /// <summary>
    /// The tighter ε for ρ-zCDP at δ: min over α &gt; 1 of αρ + ln(1 − 1/α) − (ln δ + ln α)/(α − 1),
    /// never larger than <see cref="ZcdpToEpsilon"/>. Minimised numerically (log-spaced grid over
    /// α − 1 ∈ [10⁻⁴, 10⁸], then golden-section refinement); any α gives a valid bound, so an
    /// imperfect minimum is only slightly loose, never unsafe.
    /// </summary>
    public static double ZcdpToEpsilonTight(double rho, double delta)
    {
        var standard = ZcdpToEpsilon(rho, delta);
        if (rho == 0)
        {
            return 0;
        }

        var logDelta = Math.Log(delta);
        double Epsilon(double logAlphaMinusOne)
        {
            var alpha = 1 + Math.Exp(logAlphaMinusOne);
            return (alpha * rho) + Math.Log(1 - (1 / alpha)) - ((logDelta + Math.Log(alpha)) / (alpha - 1));
        }

        const double Low = -9.2, High = 18.4, Step = 0.05; // ln(10⁻⁴) … ln(10⁸)
        var best = Low;
        for (var x = Low; x <= High; x += Step)
        {
            if (Epsilon(x) < Epsilon(best))
            {
                best = x;
            }
        }

        var (a, b) = (best - Step, best + Step);
        var ratio = (Math.Sqrt(5) - 1) / 2;
        for (var i = 0; i < 60; i++)
        {
            var c = b - (ratio * (b - a));
            var d = a + (ratio * (b - a));
            (a, b) = Epsilon(c) < Epsilon(d) ? (a, d) : (c, b);
        }

        return Math.Max(0, Math.Min(standard, Epsilon((a + b) / 2)));
    }
}
