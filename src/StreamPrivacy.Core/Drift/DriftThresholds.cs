namespace StreamPrivacy.Core.Drift;

/// <summary>
/// When a feature counts as drifted. A feature is drifted when any of its metrics crosses its
/// threshold: value ≥ threshold for every metric except <see cref="DriftMetric.Chi2P"/>, where
/// value ≤ threshold (a small p-value is the drift signal). Metrics that do not apply to the
/// feature (null) never trigger. The default rule is DESIGN §4's <c>psi ≥ 0.2</c>.
/// </summary>
public sealed class DriftThresholds
{
    /// <summary>The default PSI threshold of DESIGN §4.</summary>
    public const double DefaultPsiThreshold = 0.2;

    /// <summary>Thresholds used for every feature without an entry in <see cref="PerFeature"/>.</summary>
    public IDictionary<DriftMetric, double> Default { get; init; } =
        new Dictionary<DriftMetric, double> { [DriftMetric.Psi] = DefaultPsiThreshold };

    /// <summary>
    /// Per-feature thresholds. An entry replaces <see cref="Default"/> for that feature entirely
    /// (it is not merged), so a feature can also drop the PSI rule.
    /// </summary>
    public IDictionary<string, IDictionary<DriftMetric, double>> PerFeature { get; init; } =
        new Dictionary<string, IDictionary<DriftMetric, double>>(StringComparer.Ordinal);

    /// <summary>The thresholds that apply to <paramref name="feature"/>.</summary>
    public IDictionary<DriftMetric, double> For(string feature) =>
        PerFeature.TryGetValue(feature, out var specific) ? specific : Default;

    /// <summary>True when <paramref name="value"/> crosses <paramref name="threshold"/> for <paramref name="metric"/>.</summary>
    public static bool Crosses(DriftMetric metric, double value, double threshold) =>
        metric == DriftMetric.Chi2P ? value <= threshold : value >= threshold;
}
