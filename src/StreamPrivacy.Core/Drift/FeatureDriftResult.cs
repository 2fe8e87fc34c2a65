namespace StreamPrivacy.Core.Drift;

/// <summary>
/// Drift of one feature in one window against its reference (DESIGN §4). Metrics that do not
/// apply to the feature's kind, or cannot be computed (a total of zero after clamping, zero
/// reference standard deviation, no degrees of freedom), are null.
/// </summary>
/// <param name="Feature">Feature name.</param>
/// <param name="Kind">Numeric or categorical.</param>
/// <param name="ReferenceTotal">Reference values binned.</param>
/// <param name="CurrentTotal">Current total after negative (noisy) counts were clamped to zero.</param>
/// <param name="Psi">Population stability index.</param>
/// <param name="Kl">KL(current ‖ reference).</param>
/// <param name="Js">Jensen–Shannon distance, base 2.</param>
/// <param name="Ks">Largest cumulative gap (numeric only).</param>
/// <param name="WassersteinNorm">Binned 1-Wasserstein distance / reference std (numeric only).</param>
/// <param name="Chi2">χ² statistic (categorical only).</param>
/// <param name="Chi2P">χ² survival p-value with bins − 1 degrees of freedom (categorical only).</param>
/// <param name="Drifted">True when any configured threshold was crossed.</param>
/// <param name="Triggered">The metrics whose thresholds were crossed, in <see cref="DriftMetric"/> order.</param>
public sealed record FeatureDriftResult(
    string Feature,
    FeatureKind Kind,
    long ReferenceTotal,
    long CurrentTotal,
    double? Psi,
    double? Kl,
    double? Js,
    double? Ks,
    double? WassersteinNorm,
    double? Chi2,
    double? Chi2P,
    bool Drifted,
    IReadOnlyList<DriftMetric> Triggered)
{
    /// <summary>The value of <paramref name="metric"/>, or null when it does not apply.</summary>
    public double? Get(DriftMetric metric) => metric switch
    {
        DriftMetric.Psi => Psi,
        DriftMetric.Kl => Kl,
        DriftMetric.Js => Js,
        DriftMetric.Ks => Ks,
        DriftMetric.WassersteinNorm => WassersteinNorm,
        DriftMetric.Chi2 => Chi2,
        DriftMetric.Chi2P => Chi2P,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };
}
