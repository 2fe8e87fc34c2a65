namespace StreamPrivacy.Core.Privacy;

/// <summary>
/// Error bars of the noise distributions: the smallest integer h with P(|X| ≤ h) ≥ coverage.
/// Reporting only (doubles are fine here; nothing here feeds a sampler).
/// </summary>
internal static class NoiseIntervals
{
    /// <summary>Above this σ the Gaussian interval uses the sub-Gaussian bound instead of summing the pmf.</summary>
    internal const double ExactSumSigmaLimit = 1e5;

    /// <summary>
    /// Discrete Laplace with scale t, q = e^(−1/t): P(|X| &gt; h) = 2q^(h+1)/(1+q) in closed form,
    /// evaluated in log space (ln q = −1/t) so tiny ε does not underflow.
    /// </summary>
    public static long LaplaceHalfWidth(Rational scale, double coverage)
    {
        var t = scale.ToDouble();
        var logQ = -1 / t;
        var logOnePlusQ = Math.Log(1 + Math.Exp(logQ));
        var logTarget = Math.Log(1 - coverage);
        double LogTail(long h) => Math.Log(2) + ((h + 1) * logQ) - logOnePlusQ;

        var estimate = (long)Math.Max(0, Math.Ceiling((logTarget - Math.Log(2) + logOnePlusQ) / logQ) - 1);
        while (LogTail(estimate) > logTarget)
        {
            estimate++;
        }

        while (estimate > 0 && LogTail(estimate - 1) <= logTarget)
        {
            estimate--;
        }

        return estimate;
    }

    /// <summary>
    /// Discrete Gaussian with variance parameter σ²: sums the pmf over ±(12σ + 2) for σ ≤ 10⁵ (the
    /// mass beyond is below 10⁻³⁰); above that uses the sub-Gaussian tail P(|X| ≥ h) ≤ 2e^(−h²/(2σ²))
    /// (Canonne, Kamath and Steinke 2020), which is conservative (wider than the exact interval).
    /// </summary>
    public static long GaussianHalfWidth(Rational sigmaSquared, double coverage)
    {
        var s2 = sigmaSquared.ToDouble();
        var sigma = Math.Sqrt(s2);
        if (sigma > ExactSumSigmaLimit)
        {
            return (long)Math.Ceiling(sigma * Math.Sqrt(2 * Math.Log(2 / (1 - coverage))));
        }

        var reach = (long)Math.Ceiling((12 * sigma) + 2);
        var weights = new double[reach + 1];
        var normaliser = 0.0;
        for (long x = 0; x <= reach; x++)
        {
            weights[x] = Math.Exp(-(double)x * x / (2 * s2));
            normaliser += x == 0 ? weights[x] : 2 * weights[x];
        }

        var mass = weights[0];
        long h = 0;
        while (mass < coverage * normaliser && h < reach)
        {
            h++;
            mass += 2 * weights[h];
        }

        return h;
    }
}
