namespace StreamPrivacy.Core.Drift;

/// <summary>
/// Order statistics of a reference sample, written to reproduce numpy bit for bit where it matters
/// (the held-out reference values are computed with numpy).
/// </summary>
internal static class Quantiles
{
    /// <summary>
    /// Hyndman–Fan type 7 quantile (numpy's default <c>linear</c> method) of an ascending sample:
    /// h = (n−1)p, interpolated between x[floor h] and x[floor h + 1].
    /// </summary>
    public static double Type7(ReadOnlySpan<double> sorted, double p)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("The sample is empty.", nameof(sorted));
        }

        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "The probability must be in [0, 1].");
        }

        var n = sorted.Length;
        var h = (n - 1) * p;
        var below = Math.Floor(h);
        var lo = (int)below;
        var hi = Math.Min(lo + 1, n - 1);
        var gamma = h - below;
        return Lerp(sorted[lo], sorted[hi], gamma);
    }

    /// <summary>
    /// Interior edges of <paramref name="binCount"/> equal-frequency bins: type-7 quantiles at k/B,
    /// k = 1..B−1, sorted with exact duplicates removed (numpy.unique).
    /// </summary>
    public static double[] EqualFrequencyEdges(ReadOnlySpan<double> sorted, int binCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 2);
        var edges = new double[binCount - 1];
        for (var k = 1; k < binCount; k++)
        {
            edges[k - 1] = Type7(sorted, k / (double)binCount);
        }

        // Interpolated quantiles are monotone in exact arithmetic; sorting guards against a
        // last-bit inversion before duplicates are collapsed.
        Array.Sort(edges);
        var count = 0;
        for (var i = 0; i < edges.Length; i++)
        {
            if (count == 0 || edges[i] != edges[count - 1])
            {
                edges[count++] = edges[i];
            }
        }

        return edges[..count];
    }

    /// <summary>Population (ddof = 0) standard deviation, two-pass like numpy.std.</summary>
    public static double PopulationStdDev(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("The sample is empty.", nameof(values));
        }

        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        var mean = sum / values.Length;
        var squares = 0.0;
        foreach (var v in values)
        {
            var d = v - mean;
            squares += d * d;
        }

        return Math.Sqrt(squares / values.Length);
    }

    // numpy's _lerp: interpolates from the nearer end so that t = 1 returns b exactly.
    private static double Lerp(double a, double b, double t)
    {
        var diff = b - a;
        return t >= 0.5 ? b - (diff * (1 - t)) : a + (diff * t);
    }
}
