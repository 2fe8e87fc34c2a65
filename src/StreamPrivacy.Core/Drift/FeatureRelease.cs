using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Core.Drift;

/// <summary>One feature's drift release: the metrics, the counts they were computed from, and the noise.</summary>
/// <remarks>
/// Privacy semantics: with noise, <see cref="ReleasedCounts"/> are the only data-derived values the
/// mechanism produced; <see cref="Result"/> and <see cref="ErrorBars"/> are computed from them alone
/// (post-processing, no further ε). Without noise everything here is exact and not private.
/// </remarks>
/// <param name="Result">Drift metrics on the released counts (clamped at 0 first when noisy).</param>
/// <param name="ReleasedCounts">Current counts as released: the raw noisy counts (possibly negative), or the exact counts without DP.</param>
/// <param name="Noise">The mechanism's release (parameters and counts), or null without DP.</param>
/// <param name="ErrorBars">
/// Per metric that applies (non-null in <see cref="Result"/>), its central 90% interval under noise of
/// the release's scale; null without DP or when error bars were not requested.
/// </param>
public sealed record FeatureRelease(
    FeatureDriftResult Result,
    IReadOnlyList<long> ReleasedCounts,
    NoisyHistogram? Noise,
    IReadOnlyDictionary<DriftMetric, MetricInterval>? ErrorBars);
