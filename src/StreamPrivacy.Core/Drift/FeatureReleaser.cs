using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Core.Drift;

/// <summary>Releases one feature's current histogram (placeholder until error bars land).</summary>
public static class FeatureReleaser
{
    /// <summary>Default simulation samples for error bars.</summary>
    public const int DefaultErrorBarSamples = 100;

    /// <summary>Releases <paramref name="exactCounts"/> with <paramref name="mechanism"/> (null: exact).</summary>
    public static FeatureRelease Release(ReferenceFeature reference, IReadOnlyList<long> exactCounts, IHistogramMechanism? mechanism, SecretKey? noiseKey, string releaseId, DriftThresholds? thresholds = null, int errorBarSamples = DefaultErrorBarSamples)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(exactCounts);
        if (mechanism is null)
        {
            var counts = exactCounts.ToArray();
            return new FeatureRelease(DriftMetrics.Compute(reference, counts, thresholds), counts, null, null);
        }

        ArgumentNullException.ThrowIfNull(noiseKey);
        var noisy = mechanism.Release(exactCounts, DeterministicRandomStream.ForRelease(noiseKey, releaseId));
        var released = noisy.Counts.Select(c => Math.Max(0, c)).ToArray();
        return new FeatureRelease(DriftMetrics.Compute(reference, released, thresholds), noisy.Counts, noisy, null);
    }
}
