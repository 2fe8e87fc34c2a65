using BenchmarkDotNet.Attributes;
using StreamPrivacy.Core.Drift;

namespace StreamPrivacy.Benchmarks.Micro;

/// <summary>
/// The per-value update path of drift histograms: a numeric value into 10 equal-frequency bins
/// (binary search over 9 edges) and a short category into a 5-category layout. One invocation
/// adds 4096 values; OperationsPerInvoke reports the per-value cost.
/// </summary>
public class DriftHistogramBenchmarks
{
    private const int Batch = 4096;
    private readonly double[] _values = new double[Batch];
    private readonly string[] _categories = new string[Batch];
    private FeatureHistogram _numeric = null!;
    private FeatureHistogram _categorical = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Deterministic spread over all bins without System.Random (CA5394 stays meaningful).
        string[] names = ["DE", "FR", "NL", "PL", "US", "BR", "JP"];
        for (var i = 0; i < Batch; i++)
        {
            _values[i] = Math.Sin(i * 12.9898) * 3;
            _categories[i] = names[(i * 7919) % names.Length];
        }

        _numeric = new FeatureHistogram(BinLayout.Numeric([-1.28, -0.84, -0.52, -0.25, 0.0, 0.25, 0.52, 0.84, 1.28]));
        _categorical = new FeatureHistogram(BinLayout.Categorical(names[..5]));
    }

    [Benchmark(Description = "numeric Add x4096", OperationsPerInvoke = Batch)]
    public long AddNumeric()
    {
        foreach (var v in _values)
        {
            _numeric.Add(v);
        }

        return _numeric.Total;
    }

    [Benchmark(Description = "categorical Add x4096", OperationsPerInvoke = Batch)]
    public long AddCategorical()
    {
        foreach (var v in _categories)
        {
            _categorical.Add(v);
        }

        return _categorical.Total;
    }
}
