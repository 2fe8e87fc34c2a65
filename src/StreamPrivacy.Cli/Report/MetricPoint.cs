namespace StreamPrivacy.Cli.Report;

/// <summary>One released drift metric of one feature in one window (an <c>ml.metrics</c> record).</summary>
/// <param name="ReleaseId">Release id.</param>
/// <param name="Stream">Stream.</param>
/// <param name="WindowStart">Window start.</param>
/// <param name="WindowEnd">Window end.</param>
/// <param name="Metric">Metric name (psi, kl, js, ks, wasserstein_norm, chi2, chi2_p).</param>
/// <param name="Feature">Feature name.</param>
/// <param name="Value">Released (DP-noised) value.</param>
/// <param name="Low">Low end of the 90 % interval, if any.</param>
/// <param name="High">High end of the 90 % interval, if any.</param>
/// <param name="Drifted">Whether the release marked the feature drifted.</param>
/// <param name="FeatureType">numeric or categorical.</param>
internal sealed record MetricPoint(
    string ReleaseId,
    ReportStream Stream,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    string Metric,
    string Feature,
    double Value,
    double? Low,
    double? High,
    bool Drifted,
    string FeatureType);
