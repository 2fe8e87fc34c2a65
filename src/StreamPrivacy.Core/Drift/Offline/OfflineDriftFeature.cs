using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Core.Drift.Offline;

/// <summary>One feature's comparison: metrics on the released current counts, and the noise that was added.</summary>
/// <param name="Result">The drift metrics.</param>
/// <param name="ReleasedCounts">Current counts as released (noisy when ε is set; clamped at 0 before the metrics).</param>
/// <param name="Noise">The release's mechanism, parameters and error bar, or null without DP.</param>
public sealed record OfflineDriftFeature(FeatureDriftResult Result, IReadOnlyList<long> ReleasedCounts, NoisyHistogram? Noise);
