using StreamPrivacy.Core.Drift;
using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Core.Tests.Drift;

public sealed class FeatureReleaserTests
{
    private const int Samples = 100;

    private static readonly SecretKey Key = new(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(), "noise");

    // 10 equal-frequency bins of a standard normal reference; 10,000 reference values.
    private static readonly ReferenceFeature Numeric = new(
        "x",
        BinLayout.Numeric([-1.28, -0.84, -0.52, -0.25, 0.0, 0.25, 0.52, 0.84, 1.28]),
        Enumerable.Repeat(1000L, 10),
        standardDeviation: 1.0);

    // Five categories plus `other`.
    private static readonly ReferenceFeature Categorical = new(
        "c", BinLayout.Categorical(["a", "b", "c", "d", "e"]), [3000L, 2500, 2000, 1500, 1000, 0], null);

    // A clearly shifted current window (psi ≈ 0.4) of ≈10k events.
    private static readonly long[] Shifted = [300, 450, 600, 750, 900, 1050, 1200, 1350, 1500, 1650];

    private static readonly long[] CategoricalCurrent = [2000, 2500, 2000, 1500, 1500, 300];

    private static LaplaceMechanism Laplace(string epsilon) => new(Rational.Parse(epsilon), 1);

    [Fact]
    public void Release_NoMechanism_EqualsComputeOnExactCounts()
    {
        var release = FeatureReleaser.Release(Numeric, Shifted, mechanism: null, noiseKey: null, "unused");

        AssertSameResult(DriftMetrics.Compute(Numeric, Shifted), release.Result);
        Assert.Equal(Shifted, release.ReleasedCounts);
        Assert.Null(release.Noise);
        Assert.Null(release.ErrorBars);
    }

    [Fact]
    public void Release_Laplace_ReleasesRawNoisyCountsAndComputesMetricsOnClampedCounts()
    {
        // Tiny counts and scale 10: some noisy counts are negative.
        long[] exact = [3, 0, 1, 0, 2, 5, 0, 1, 0, 4];
        var mechanism = Laplace("0.1");
        var release = FeatureReleaser.Release(Numeric, exact, mechanism, Key, "release-negative");

        var expected = mechanism.Release(exact, DeterministicRandomStream.ForRelease(Key, "release-negative"));
        Assert.Equal(expected.Counts, release.ReleasedCounts);
        Assert.Contains(release.ReleasedCounts, c => c < 0);
        AssertSameResult(DriftMetrics.Compute(Numeric, release.ReleasedCounts.Select(c => Math.Max(0, c)).ToArray()), release.Result);
        Assert.Equal("discrete_laplace", release.Noise!.Mechanism);
        Assert.Equal(10.0, release.Noise.Scale);
    }

    [Fact]
    public void Release_SameKeyAndId_IdenticalOutput()
    {
        var first = FeatureReleaser.Release(Numeric, Shifted, Laplace("0.5"), Key, "stream|w1|p1|x");
        var second = FeatureReleaser.Release(Numeric, Shifted, Laplace("0.5"), Key, "stream|w1|p1|x");
        AssertSameRelease(first, second);
    }

    [Fact]
    public void Release_DifferentId_DifferentNoise()
    {
        var first = FeatureReleaser.Release(Numeric, Shifted, Laplace("0.5"), Key, "stream|w1|p1|x");
        var second = FeatureReleaser.Release(Numeric, Shifted, Laplace("0.5"), Key, "stream|w2|p1|x");
        Assert.NotEqual(first.ReleasedCounts, second.ReleasedCounts);
        Assert.NotEqual(first.ErrorBars![DriftMetric.Psi], second.ErrorBars![DriftMetric.Psi]);
    }

    [Fact]
    public void Release_MechanismWithoutKey_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => FeatureReleaser.Release(Numeric, Shifted, Laplace("1"), null, "id"));
    }

    [Fact]
    public void Release_WrongBinCount_ThrowsBeforeDrawingNoise()
    {
        var spy = new SpyMechanism(Laplace("1"));
        Assert.Throws<ArgumentException>(() => FeatureReleaser.Release(Numeric, [1L, 2, 3], spy, Key, "id"));
        Assert.Empty(spy.Calls);
    }

    [Fact]
    public void Release_NegativeSamples_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FeatureReleaser.Release(Numeric, Shifted, Laplace("1"), Key, "id", errorBarSamples: -1));
    }

    [Fact]
    public void Release_ZeroSamples_NoErrorBarsButSameRelease()
    {
        var without = FeatureReleaser.Release(Numeric, Shifted, Laplace("1"), Key, "id", errorBarSamples: 0);
        var with = FeatureReleaser.Release(Numeric, Shifted, Laplace("1"), Key, "id");

        Assert.Null(without.ErrorBars);
        Assert.Equal(with.ReleasedCounts, without.ReleasedCounts);
        AssertSameResult(with.Result, without.Result);
    }

    [Fact]
    public void Release_ErrorBars_CoverExactlyTheApplicableMetrics()
    {
        var numeric = FeatureReleaser.Release(Numeric, Shifted, Laplace("1"), Key, "n", errorBarSamples: Samples);
        var categorical = FeatureReleaser.Release(Categorical, CategoricalCurrent, Laplace("1"), Key, "c", errorBarSamples: Samples);

        Assert.Equal(
            [DriftMetric.Psi, DriftMetric.Kl, DriftMetric.Js, DriftMetric.Ks, DriftMetric.WassersteinNorm],
            numeric.ErrorBars!.Keys.Order());
        Assert.Equal([DriftMetric.Psi, DriftMetric.Kl, DriftMetric.Js, DriftMetric.Chi2, DriftMetric.Chi2P], categorical.ErrorBars!.Keys.Order());
        Assert.All(numeric.ErrorBars.Values.Concat(categorical.ErrorBars.Values), i => Assert.True(i.Low <= i.High));
    }

    [Fact]
    public void Release_GaussianMechanism_HasErrorBars()
    {
        var release = FeatureReleaser.Release(Numeric, Shifted, new GaussianMechanism(Rational.Parse("0.5"), 1), Key, "g", errorBarSamples: Samples);
        Assert.Equal("discrete_gaussian", release.Noise!.Mechanism);
        Assert.Equal(5, release.ErrorBars!.Count);
    }

    // Tolerance: in a clearly drifted window the metrics are smooth in the counts, so the released
    // value sits near the median of its re-noised copies; over 200 fixed-key releases at ε = 0.1
    // (scale 10) we require it inside the 90% interval in ≥ 95% of trials for every metric.
    [Theory]
    [InlineData("numeric")]
    [InlineData("categorical")]
    public void Release_DriftedWindow_ErrorBarContainsReleasedValueInMostTrials(string kind)
    {
        var (reference, current) = kind == "numeric" ? (Numeric, Shifted) : (Categorical, CategoricalCurrent);
        const int Trials = 200;
        var inside = new Dictionary<DriftMetric, int>();
        for (var trial = 0; trial < Trials; trial++)
        {
            var release = FeatureReleaser.Release(reference, current, Laplace("0.1"), Key, $"coverage|{trial}", errorBarSamples: Samples);
            foreach (var (metric, interval) in release.ErrorBars!)
            {
                var value = release.Result.Get(metric)!.Value;
                inside[metric] = inside.GetValueOrDefault(metric) + (interval.Low <= value && value <= interval.High ? 1 : 0);
            }
        }

        Assert.All(inside, pair => Assert.True(pair.Value >= 0.95 * Trials, $"{pair.Key}: {pair.Value}/{Trials}"));
    }

    [Fact]
    public void Release_LargerEpsilon_NarrowerErrorBars()
    {
        // Mean psi interval width over 20 fixed-key releases per ε; scale 100, 10, 1.
        var widths = new[] { "0.01", "0.1", "1" }.Select(epsilon => Enumerable.Range(0, 20).Average(trial =>
        {
            var bar = FeatureReleaser.Release(Numeric, Shifted, Laplace(epsilon), Key, $"width|{trial}", errorBarSamples: Samples).ErrorBars![DriftMetric.Psi];
            return bar.High - bar.Low;
        })).ToArray();

        Assert.True(widths[0] > widths[1] && widths[1] > widths[2], string.Join(", ", widths));
    }

    [Fact]
    public void Release_DifferentExactCountsWithSameReleasedCounts_IdenticalErrorBars()
    {
        // The mechanism "happens" to release the same counts for two different exact vectors; from
        // then on only the released counts may matter.
        long[] released = [290, 470, -3, 760, 880, 1040, 1230, 1330, 1510, 1660];
        var a = new SpyMechanism(Laplace("0.1"), released);
        var b = new SpyMechanism(Laplace("0.1"), released);

        var first = FeatureReleaser.Release(Numeric, Shifted, a, Key, "same-release", errorBarSamples: Samples);
        var second = FeatureReleaser.Release(Numeric, Enumerable.Repeat(1000L, 10).ToArray(), b, Key, "same-release", errorBarSamples: Samples);

        AssertSameRelease(first, second);
        var clamped = released.Select(c => Math.Max(0, c)).ToArray();
        Assert.Equal(1 + Samples, a.Calls.Count);
        Assert.Equal(Shifted, a.Calls[0]);
        Assert.All(a.Calls.Skip(1), call => Assert.Equal(clamped, call)); // the error-bar path never sees the exact counts
    }

    [Fact]
    public void PostProcess_ReleasedHistogramOnly_ReproducesTheRelease()
    {
        var mechanism = Laplace("0.2");
        var release = FeatureReleaser.Release(Categorical, CategoricalCurrent, mechanism, Key, "post", errorBarSamples: Samples);

        var replay = FeatureReleaser.PostProcess(Categorical, release.Noise!, mechanism, Key, "post", null, Samples);

        AssertSameRelease(release, replay);
    }

    private static void AssertSameResult(FeatureDriftResult expected, FeatureDriftResult actual)
    {
        Assert.Equal(expected.Feature, actual.Feature);
        Assert.Equal(expected.CurrentTotal, actual.CurrentTotal);
        foreach (var metric in Enum.GetValues<DriftMetric>())
        {
            Assert.Equal(expected.Get(metric), actual.Get(metric));
        }

        Assert.Equal(expected.Drifted, actual.Drifted);
        Assert.Equal(expected.Triggered, actual.Triggered);
    }

    private static void AssertSameRelease(FeatureRelease expected, FeatureRelease actual)
    {
        AssertSameResult(expected.Result, actual.Result);
        Assert.Equal(expected.ReleasedCounts, actual.ReleasedCounts);
        Assert.Equal(expected.Noise is null, actual.Noise is null);
        Assert.Equal(
            expected.ErrorBars?.OrderBy(p => p.Key).ToArray(),
            actual.ErrorBars?.OrderBy(p => p.Key).ToArray());
    }

    /// <summary>Records every count vector it is asked to noise; optionally forces the first release's output.</summary>
    private sealed class SpyMechanism(IHistogramMechanism inner, long[]? firstRelease = null) : IHistogramMechanism
    {
        public List<long[]> Calls { get; } = [];

        public string Name => inner.Name;

        public int Sensitivity => inner.Sensitivity;

        public PrivacyCharge Charge => inner.Charge;

        public double Scale => inner.Scale;

        public long ErrorBar90 => inner.ErrorBar90;

        public NoisyHistogram Release(IReadOnlyList<long> counts, IRandomBitSource random)
        {
            Calls.Add([.. counts]);
            var noisy = inner.Release(counts, random);
            return Calls.Count == 1 && firstRelease is not null ? noisy with { Counts = firstRelease } : noisy;
        }
    }
}
