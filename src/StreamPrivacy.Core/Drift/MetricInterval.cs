namespace StreamPrivacy.Core.Drift;

/// <summary>The central 90% interval of a metric under the release noise.</summary>
public readonly record struct MetricInterval(double Low, double High);
