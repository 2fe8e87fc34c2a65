namespace StreamPrivacy.Core.Drift;

/// <summary>The drift metrics of DESIGN §4, as names for thresholds.</summary>
public enum DriftMetric
{
    /// <summary>Population stability index on floored proportions.</summary>
    Psi = 0,

    /// <summary>Kullback–Leibler divergence KL(current ‖ reference) on floored proportions.</summary>
    Kl = 1,

    /// <summary>Jensen–Shannon distance, base 2, on raw proportions.</summary>
    Js = 2,

    /// <summary>Largest gap between the cumulative binned distributions (numeric only).</summary>
    Ks = 3,

    /// <summary>Binned 1-Wasserstein distance divided by the reference standard deviation (numeric only).</summary>
    WassersteinNorm = 4,

    /// <summary>Pearson χ² statistic against the floored reference (categorical only).</summary>
    Chi2 = 5,

    /// <summary>χ² survival p-value; drift when it is at or below the threshold (categorical only).</summary>
    Chi2P = 6,
}
