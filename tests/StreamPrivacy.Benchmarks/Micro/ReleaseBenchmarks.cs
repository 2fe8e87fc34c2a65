using BenchmarkDotNet.Attributes;
using StreamPrivacy.Core.Drift;
using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Benchmarks.Micro;

/// <summary>
/// One window's drift release of a 50-feature stream: 40 numeric features with 10 bins and 10
/// categorical features with 6 categories (+ other), each current histogram ≈10,000 events (a 5-minute
/// window at ≈33 events/s). Total ε = 1 split equally (ε = 0.02 per feature, k = 1: discrete Laplace
/// scale 50). Each invocation releases all 50 features.
/// </summary>
[MemoryDiagnoser]
public class ReleaseBenchmarks
{
    private const int NumericFeatures = 40;
    private const int CategoricalFeatures = 10;

    private readonly SecretKey _key = new(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(), "bench");
    private readonly LaplaceMechanism _mechanism = new(new Rational(1, NumericFeatures + CategoricalFeatures), 1);
    private ReferenceFeature[] _references = null!;
    private long[][] _current = null!;
    private string[] _releaseIds = null!;

    [GlobalSetup]
    public void Setup()
    {
        var features = NumericFeatures + CategoricalFeatures;
        _references = new ReferenceFeature[features];
        _current = new long[features][];
        _releaseIds = new string[features];
        var numericLayout = BinLayout.Numeric([-1.28, -0.84, -0.52, -0.25, 0.0, 0.25, 0.52, 0.84, 1.28]);
        var categoricalLayout = BinLayout.Categorical(["a", "b", "c", "d", "e", "f"]);
        for (var f = 0; f < features; f++)
        {
            var numeric = f < NumericFeatures;
            var layout = numeric ? numericLayout : categoricalLayout;
            var bins = layout.BinCount;

            // Deterministic variation without System.Random: a mildly drifted window for most features.
            var reference = Enumerable.Range(0, bins).Select(b => numeric ? 1000L : b == bins - 1 ? 0L : 1500L + (100 * b)).ToArray();
            var total = reference.Sum();
            _current[f] = reference.Select((r, b) => (long)Math.Round(r * 10_000.0 / total * (1 + (0.2 * Math.Sin((f * 7.1) + b))))).ToArray();
            _references[f] = new ReferenceFeature($"f{f}", layout, reference, numeric ? 1.0 : null);
            _releaseIds[f] = $"bench-stream|2026-11-20T10:00Z|policy-1|f{f}";
        }
    }

    [Benchmark(Baseline = true, Description = "50 features, exact metrics (no DP)")]
    public double Exact() => Run(mechanism: null, 0);

    [Benchmark(Description = "50 features, noise + metrics, no error bars")]
    public double NoiseNoErrorBars() => Run(_mechanism, 0);

    [Benchmark(Description = "50 features, noise + metrics + error bars (default samples)")]
    public double NoiseWithErrorBars() => Run(_mechanism, FeatureReleaser.DefaultErrorBarSamples);

    private double Run(IHistogramMechanism? mechanism, int samples)
    {
        var sum = 0.0;
        for (var f = 0; f < _references.Length; f++)
        {
            var release = FeatureReleaser.Release(_references[f], _current[f], mechanism, _key, _releaseIds[f], errorBarSamples: samples);
            sum += release.Result.Psi ?? 0;
        }

        return sum;
    }
}
