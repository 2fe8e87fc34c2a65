namespace StreamPrivacy.Core.Drift;

/// <summary>
/// The central 90% interval of a drift metric under the release noise: its 5th and 95th
/// percentiles over re-noised copies of the released counts (see <see cref="FeatureReleaser"/>).
/// </summary>
/// <param name="Low">5th percentile.</param>
/// <param name="High">95th percentile.</param>
public readonly record struct MetricInterval(double Low, double High);
