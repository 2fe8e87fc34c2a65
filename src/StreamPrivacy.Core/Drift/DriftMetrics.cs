using MathNet.Numerics;

namespace StreamPrivacy.Core.Drift;

/// <summary>
/// The drift metrics of DESIGN §4 on binned counts. Pure functions. Counts may be DP-noised: a
/// negative count is clamped to 0 before proportions are taken. Raw proportions are count / total;
/// floored proportions replace an exact 0 by <see cref="ProportionFloor"/> without renormalising.
/// Every metric returns null when the reference or the current total is 0 after clamping.
/// </summary>
public static class DriftMetrics
{
    /// <summary>Floor for zero proportions (Evidently's convention).</summary>
    public const double ProportionFloor = 1e-4;

    /// <summary>psi = Σ (c_i − r_i)·ln(c_i / r_i) on floored proportions.</summary>
    public static double? Psi(ReadOnlySpan<long> reference, ReadOnlySpan<long> current)
    {
        if (!TryProportions(reference, current, floored: true, out var r, out var c))
        {
            return null;
        }

        var sum = 0.0;
        for (var i = 0; i < r.Length; i++)
        {
            sum += (c[i] - r[i]) * Math.Log(c[i] / r[i]);
        }

        return sum;
    }

    /// <summary>kl = Σ c_i·ln(c_i / r_i) on floored proportions (current relative to reference).</summary>
    public static double? KullbackLeibler(ReadOnlySpan<long> reference, ReadOnlySpan<long> current)
    {
        if (!TryProportions(reference, current, floored: true, out var r, out var c))
        {
            return null;
        }

        var sum = 0.0;
        for (var i = 0; i < r.Length; i++)
        {
            sum += c[i] * Math.Log(c[i] / r[i]);
        }

        return sum;
    }

    /// <summary>
    /// Jensen–Shannon distance, base 2, on raw proportions, computed like
    /// <c>scipy.spatial.distance.jensenshannon(r, c, base=2)</c>.
    /// </summary>
    public static double? JensenShannon(ReadOnlySpan<long> reference, ReadOnlySpan<long> current)
    {
        if (!TryProportions(reference, current, floored: false, out var p, out var q))
        {
            return null;
        }

        // scipy renormalises both vectors before mixing; repeat it so rounding matches.
        Normalise(p);
        Normalise(q);
        var left = 0.0;
        var right = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            var m = (p[i] + q[i]) / 2.0;
            left += RelativeEntropy(p[i], m);
            right += RelativeEntropy(q[i], m);
        }

        var js = (left + right) / Math.Log(2.0);

        // Rounding can leave a tiny negative sum for near-identical inputs, where scipy returns
        // NaN; the distance is 0 there.
        return Math.Sqrt(Math.Max(0.0, js / 2.0));
    }

    /// <summary>ks = max over bins of |cumulative r − cumulative c| on raw proportions.</summary>
    public static double? KolmogorovSmirnov(ReadOnlySpan<long> reference, ReadOnlySpan<long> current)
    {
        if (!TryProportions(reference, current, floored: false, out var r, out var c))
        {
            return null;
        }

        var cumR = 0.0;
        var cumC = 0.0;
        var max = 0.0;
        for (var i = 0; i < r.Length; i++)
        {
            cumR += r[i];
            cumC += c[i];
            max = Math.Max(max, Math.Abs(cumR - cumC));
        }

        return max;
    }

    /// <summary>
    /// Binned 1-Wasserstein distance divided by the reference population standard deviation. Bin i
    /// is placed at a point: the first bin at e1, the last at e_last, the others at the midpoint of
    /// their edges; the distance is computed like <c>scipy.stats.wasserstein_distance(x, x, r, c)</c>
    /// = Σ |CDF_r − CDF_c| × (x_{i+1} − x_i). With a single edge both bins sit at e1 and the
    /// distance is 0. Null when <paramref name="referenceStdDev"/> is 0 (no scale; numpy gives NaN).
    /// </summary>
    /// <param name="reference">Reference counts, one per bin (edges + 1).</param>
    /// <param name="current">Current counts, one per bin.</param>
    /// <param name="edges">The interior edges of the numeric layout.</param>
    /// <param name="referenceStdDev">Population standard deviation of the reference sample.</param>
    public static double? WassersteinNormalized(
        ReadOnlySpan<long> reference, ReadOnlySpan<long> current, ReadOnlySpan<double> edges, double referenceStdDev)
    {
        if (edges.Length + 1 != reference.Length)
        {
            throw new ArgumentException("Expected one more bin than edges.", nameof(edges));
        }

        if (!(referenceStdDev > 0) || !TryProportions(reference, current, floored: false, out var r, out var c))
        {
            return null;
        }

        // scipy divides the cumulative weights by their total, so repeat that normalisation.
        var totalR = Sum(r);
        var totalC = Sum(c);
        var cumR = 0.0;
        var cumC = 0.0;
        var distance = 0.0;
        for (var i = 0; i < edges.Length; i++)
        {
            cumR += r[i];
            cumC += c[i];
            var gap = BinPoint(edges, i + 1) - BinPoint(edges, i);
            distance += Math.Abs((cumR / totalR) - (cumC / totalC)) * gap;
        }

        return distance / referenceStdDev;
    }

    /// <summary>
    /// χ² = Σ (O_i − E_i)² / E_i with O the current counts (clamped at 0) and E the floored
    /// reference proportion × the current total; the p-value is the χ² survival function with
    /// bins − 1 degrees of freedom, Q(df/2, χ²/2) (regularized upper incomplete gamma, accurate
    /// in the far tail where 1 − CDF would cancel to 0). P is null with fewer than 2 bins.
    /// The <c>other</c> bin of a categorical layout is an ordinary bin here: its reference
    /// proportion is 0 and is floored to 1e-4, so a current window identical to the reference still
    /// has χ² = 1e-4 × N (not 0) and a p-value just below 1, exactly as DESIGN §4 defines it.
    /// </summary>
    public static (double Chi2, double? P)? ChiSquare(ReadOnlySpan<long> reference, ReadOnlySpan<long> current)
    {
        if (!TryProportions(reference, current, floored: true, out var r, out _))
        {
            return null;
        }

        var total = ClampedTotal(current);
        var chi2 = 0.0;
        for (var i = 0; i < r.Length; i++)
        {
            var observed = (double)Math.Max(0, current[i]);
            var expected = r[i] * total;
            var d = observed - expected;
            chi2 += d * d / expected;
        }

        var df = r.Length - 1;
        double? p = df >= 1 ? SpecialFunctions.GammaUpperRegularized(df / 2.0, chi2 / 2.0) : null;
        return (chi2, p);
    }

    /// <summary>All metrics that apply to the feature's kind, and the drift decision.</summary>
    /// <param name="reference">The reference feature.</param>
    /// <param name="current">Current counts (possibly noisy), one per bin of the reference layout.</param>
    /// <param name="thresholds">Drift thresholds; null for DESIGN §4's default <c>psi ≥ 0.2</c>.</param>
    public static FeatureDriftResult Compute(ReferenceFeature reference, ReadOnlySpan<long> current, DriftThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var r = reference.CountSpan;
        CheckLengths(r, current);
        var numeric = reference.Kind == FeatureKind.Numeric;
        var chi = numeric ? null : ChiSquare(r, current);
        var result = new FeatureDriftResult(
            reference.Name,
            reference.Kind,
            reference.Count,
            ClampedTotal(current),
            Psi(r, current),
            KullbackLeibler(r, current),
            JensenShannon(r, current),
            numeric ? KolmogorovSmirnov(r, current) : null,
            numeric ? WassersteinNormalized(r, current, reference.Layout.EdgeSpan, reference.StandardDeviation!.Value) : null,
            chi?.Chi2,
            chi?.P,
            Drifted: false,
            Triggered: []);

        var triggered = new List<DriftMetric>();
        var rules = (thresholds ?? new DriftThresholds()).For(reference.Name);
        foreach (var metric in Enum.GetValues<DriftMetric>())
        {
            if (rules.TryGetValue(metric, out var threshold) && result.Get(metric) is { } value
                && DriftThresholds.Crosses(metric, value, threshold))
            {
                triggered.Add(metric);
            }
        }

        return result with { Drifted = triggered.Count > 0, Triggered = triggered };
    }

    /// <summary>All metrics for a current-window histogram, which must use the reference's bins.</summary>
    public static FeatureDriftResult Compute(ReferenceFeature reference, FeatureHistogram current, DriftThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        if (!reference.Layout.SameBinsAs(current.Layout))
        {
            throw new ArgumentException("The histogram does not use the reference's bins.", nameof(current));
        }

        return Compute(reference, current.Counts, thresholds);
    }

    /// <summary>
    /// Drift of every profiled feature, in the profile's order. A feature with no histogram in
    /// <paramref name="current"/> has a current total of 0 and null metrics; histograms of
    /// features the profile does not know are ignored.
    /// </summary>
    public static IReadOnlyList<FeatureDriftResult> Compute(
        ReferenceProfile profile, IReadOnlyDictionary<string, FeatureHistogram> current, DriftThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(current);
        var results = new List<FeatureDriftResult>(profile.Features.Count);
        foreach (var feature in profile.Features)
        {
            results.Add(current.TryGetValue(feature.Name, out var histogram)
                ? Compute(feature, histogram, thresholds)
                : Compute(feature, new long[feature.Layout.BinCount], thresholds));
        }

        return results;
    }

    // Point where bin i sits for the Wasserstein distance (DESIGN §4).
    private static double BinPoint(ReadOnlySpan<double> edges, int bin)
    {
        if (bin == 0)
        {
            return edges[0];
        }

        if (bin == edges.Length)
        {
            return edges[^1];
        }

        return (edges[bin - 1] + edges[bin]) / 2.0;
    }

    private static bool TryProportions(
        ReadOnlySpan<long> reference, ReadOnlySpan<long> current, bool floored, out double[] r, out double[] c)
    {
        CheckLengths(reference, current);
        r = Proportions(reference, floored);
        c = Proportions(current, floored);
        return ClampedTotal(reference) > 0 && ClampedTotal(current) > 0;
    }

    private static double[] Proportions(ReadOnlySpan<long> counts, bool floored)
    {
        var total = (double)ClampedTotal(counts);
        var result = new double[counts.Length];
        if (total == 0)
        {
            return result;
        }

        for (var i = 0; i < counts.Length; i++)
        {
            var p = Math.Max(0, counts[i]) / total;
            result[i] = floored && p == 0 ? ProportionFloor : p;
        }

        return result;
    }

    private static long ClampedTotal(ReadOnlySpan<long> counts)
    {
        long total = 0;
        foreach (var count in counts)
        {
            total += Math.Max(0, count);
        }

        return total;
    }

    private static void CheckLengths(ReadOnlySpan<long> reference, ReadOnlySpan<long> current)
    {
        if (reference.Length != current.Length)
        {
            throw new ArgumentException($"Bin counts differ: reference {reference.Length}, current {current.Length}.", nameof(current));
        }

        if (reference.IsEmpty)
        {
            throw new ArgumentException("There are no bins.", nameof(reference));
        }
    }

    private static void Normalise(double[] values)
    {
        var sum = Sum(values);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] /= sum;
        }
    }

    private static double Sum(double[] values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum;
    }

    // scipy.special.rel_entr: x·ln(x/y) for x > 0, 0 for x = 0 (y > 0 whenever x > 0 here).
    private static double RelativeEntropy(double x, double y) => x > 0 ? x * Math.Log(x / y) : 0.0;
}
