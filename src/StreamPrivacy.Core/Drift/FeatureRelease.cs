using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Core.Drift;

/// <summary>One feature's release: metrics on the released counts, the noise added, and error bars.</summary>
public sealed record FeatureRelease(FeatureDriftResult Result, IReadOnlyList<long> ReleasedCounts, NoisyHistogram? Noise, IReadOnlyDictionary<DriftMetric, MetricInterval>? ErrorBars);
