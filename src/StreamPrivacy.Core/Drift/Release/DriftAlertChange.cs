using StreamPrivacy.Core.Windowing;

namespace StreamPrivacy.Core.Drift.Release;

/// <summary>A drift alert raised or resolved by a release.</summary>
/// <param name="Feature">Feature name.</param>
/// <param name="Metric">The metric whose threshold decides the alert.</param>
/// <param name="Transition">Raised or resolved.</param>
/// <param name="Value">The released metric value in the window.</param>
/// <param name="Threshold">The configured threshold.</param>
internal sealed record DriftAlertChange(string Feature, DriftMetric Metric, AlertTransition Transition, double Value, double Threshold);
