using StreamPrivacy.Core.Drift;

namespace StreamPrivacy.Core.Windowing;

/// <summary>Identifies one alert: a metric of a feature of a stream.</summary>
internal readonly record struct DriftAlertKey(string StreamKey, string Feature, DriftMetric Metric);
