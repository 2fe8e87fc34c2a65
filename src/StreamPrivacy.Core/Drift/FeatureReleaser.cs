using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Core.Drift;

/// <summary>Releases one feature's current histogram and its drift metrics, optionally with DP noise and error bars.</summary>
public static class FeatureReleaser
{
    /// <summary>Re-noised copies drawn per feature for the error bars.</summary>
    public const int DefaultErrorBarSamples = 200;

    /// <summary>Releases one feature.</summary>
    public static FeatureRelease Release(
        ReferenceFeature reference,
        IReadOnlyList<long> exactCounts,
        IHistogramMechanism? mechanism,
        SecretKey? noiseKey,
        string releaseId,
        DriftThresholds? thresholds = null,
        int errorBarSamples = DefaultErrorBarSamples) => throw new NotImplementedException();

    internal static FeatureRelease PostProcess(
        ReferenceFeature reference,
        NoisyHistogram released,
        IHistogramMechanism mechanism,
        SecretKey noiseKey,
        string releaseId,
        DriftThresholds? thresholds,
        int errorBarSamples) => throw new NotImplementedException();
}
