using System.Text.Json;
using StreamPrivacy.Core.Drift;

namespace StreamPrivacy.Core.Tests.Drift;

/// <summary>
/// Known answers produced by reference/make_vectors.py (an independent stdlib-Python
/// re-implementation of the numpy/scipy definitions; see reference/README.md) on the samples in
/// reference/datasets.json. The literals below are pasted from reference/expected.txt.
/// </summary>
public sealed class DriftKnownAnswerTests
{
    private static readonly Lazy<JsonDocument> Datasets = new(() => JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Drift", "reference", "datasets.json"))));

    // psi, kl, js, ks, wasserstein_norm, chi2, chi2_p
    private static readonly Dictionary<string, Expected> Answers = new(StringComparer.Ordinal)
    {
        ["normal_shift"] = new Expected(0.2385300956405365, 0.12824010088845897, 0.20479974748669533, 0.19766666666666666, 0.3574324073221471, null, null),
        ["identical_numeric"] = new Expected(0.0, 0.0, 0.0, 0.0, 0.0, null, null),
        ["heavy_duplicates"] = new Expected(0.5273549510104535, 0.34110067957827334, 0.2668645082536262, 0.27399999999999997, 0.3538928064540322, null, null),
        ["tiny"] = new Expected(0.11552453009332421, 0.05889151782819174, 0.14394735018022464, 0.08333333333333337, 0.16329931618554516, null, null),
        ["zero_bins_current"] = new Expected(8.283089355027482, 2.296368113242962, 0.870790822869171, 0.8999999999999999, 1.3004591806020984, null, null),
        ["single_edge"] = new Expected(0.7006208039360982, 0.59595106380617, 0.22781387210026416, 0.1, 0.0, null, null),
        ["quartiles_b4"] = new Expected(0.08248642336194528, 0.04265461458329682, 0.12162384945395997, 0.13101673101673095, 0.11308425185314057, null, null),
        ["categorical_shift"] = new Expected(1.886751984363874, 1.076862453082675, 0.3924251128712495, null, null, 504073.8913182973, 0.0),
        ["identical_categorical"] = new Expected(0.0, 0.0, 0.0, null, null, 0.060000000000000005, 0.9961607906500483),
        ["disjoint_categories"] = new Expected(17.387694249528735, 9.207927925654323, 1.0, null, null, 999900.0099999999, 0.0),
    };

    public static TheoryData<string> Names => new(Answers.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Compute_Dataset_MatchesReferenceImplementation(string name)
    {
        var (feature, current) = Build(name);
        var result = DriftMetrics.Compute(feature, current);
        var expected = Answers[name];

        Approx.Equal(expected.Psi, result.Psi, "psi");
        Approx.Equal(expected.Kl, result.Kl, "kl");
        Approx.Equal(expected.Js, result.Js, "js");
        Approx.Equal(expected.Ks, result.Ks, "ks");
        Approx.Equal(expected.WassersteinNorm, result.WassersteinNorm, "wasserstein_norm");
        Approx.Equal(expected.Chi2, result.Chi2, "chi2");
        Approx.Equal(expected.Chi2P, result.Chi2P, "chi2_p");
        Assert.Equal(expected.Psi >= 0.2, result.Drifted);
    }

    [Fact]
    public void Build_NormalReference_EdgesAreType7DecilesAndBinsEqual()
    {
        var (feature, current) = Build("normal_shift");
        double[] edges =
        [
            -1.2801818999999999, -0.8065743999999999, -0.477242, -0.24336239999999995, 0.0188115,
            0.2716484, 0.5255538999999999, 0.8528226000000001, 1.292510500000001,
        ];
        AssertEdges(edges, feature.Layout.Edges);
        Assert.Equal(Enumerable.Repeat(500L, 10), feature.Counts);
        Assert.Equal([201L, 187, 219, 175, 205, 244, 276, 311, 411, 771], current.Counts.ToArray());
        Approx.Equal(0.9979121670553854, feature.StandardDeviation, "std");
    }

    [Fact]
    public void Build_HeavyDuplicates_DuplicateEdgesRemoved()
    {
        var (feature, current) = Build("heavy_duplicates");
        AssertEdges([0.0, 0.39999999999997726, 1.0, 1.0096204000000022, 3.0394026000000003], feature.Layout.Edges);
        Assert.Equal([0L, 600, 0, 200, 100, 100], feature.Counts);
        Assert.Equal([0L, 326, 40, 300, 132, 202], current.Counts.ToArray());
        Approx.Equal(1.2672889785293149, feature.StandardDeviation, "std");
    }

    [Fact]
    public void Build_ThreeValues_InterpolatedEdges()
    {
        var (feature, current) = Build("tiny");
        AssertEdges([1.2, 1.4, 1.6, 1.8, 2.0, 2.2, 2.4, 2.6, 2.8], feature.Layout.Edges);
        Assert.Equal([1L, 0, 0, 0, 0, 1, 0, 0, 0, 1], feature.Counts);
        Assert.Equal([1L, 0, 0, 0, 0, 2, 0, 0, 0, 1], current.Counts.ToArray());
    }

    [Fact]
    public void Build_AlmostConstantReference_SingleEdgeAndZeroWasserstein()
    {
        var (feature, current) = Build("single_edge");
        AssertEdges([0.0], feature.Layout.Edges);
        Assert.Equal([100L, 900], current.Counts.ToArray());
    }

    [Fact]
    public void Compute_CategoricalShift_CountsIncludeOtherBin()
    {
        var (feature, current) = Build("categorical_shift");
        Assert.Equal(["DE", "FR", "NL", "PL", "US"], feature.Layout.Categories);
        Assert.Equal([1652L, 986, 550, 382, 430, 0], feature.Counts);
        Assert.Equal([792L, 744, 108, 0, 501, 355], current.Counts.ToArray());
    }

    [Fact]
    public void Metrics_NoisyCounts_ClampedAndMatchReference()
    {
        long[] reference = [120, 80, 0, 50];
        long[] current = [100, -7, 30, 60];
        Approx.Equal(3.8011185634962854, DriftMetrics.Psi(reference, current), "psi");
        Approx.Equal(1.3547320856272214, DriftMetrics.KullbackLeibler(reference, current), "kl");
        Approx.Equal(0.4991713675687966, DriftMetrics.JensenShannon(reference, current), "js");
        Approx.Equal(0.27368421052631586, DriftMetrics.KolmogorovSmirnov(reference, current), "ks");
        var chi = DriftMetrics.ChiSquare(reference, current)!.Value;
        Approx.Equal(47382.82601754386, chi.Chi2, "chi2");
        Approx.Equal(0.0, chi.P, "chi2_p");
    }

    [Theory]
    [InlineData(400.0, 3, 2.213886593101111e-86)]
    [InlineData(200.0, 10, 1.6139305336977313e-37)]
    [InlineData(0.5, 7, 0.9994464813904249)]
    public void ChiSquareSurvival_FarTailAndBulk_MatchesReference(double chi2, int df, double expected)
    {
        // The p-value path of DriftMetrics.ChiSquare: Q(df/2, chi2/2), accurate where 1 − CDF is 0.
        var p = MathNet.Numerics.SpecialFunctions.GammaUpperRegularized(df / 2.0, chi2 / 2.0);
        Assert.True(Math.Abs(p - expected) <= 1e-9 * expected, $"expected {expected:R}, got {p:R}");
    }

    private static void AssertEdges(double[] expected, IReadOnlyList<double> actual)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Approx.Equal(expected[i], actual[i], $"edge {i}");
        }
    }

    private static (ReferenceFeature Feature, FeatureHistogram Current) Build(string name)
    {
        var d = Datasets.Value.RootElement.GetProperty(name);
        var numeric = d.GetProperty("kind").GetString() == "numeric";
        var bins = numeric ? d.GetProperty("bins").GetInt32() : 10;
        var builder = new ReferenceProfileBuilder(
            bins, new Dictionary<string, FeatureKind> { ["f"] = numeric ? FeatureKind.Numeric : FeatureKind.Categorical });
        foreach (var v in d.GetProperty("reference").EnumerateArray())
        {
            if (numeric)
            {
                builder.AddNumber("f", v.GetDouble());
            }
            else
            {
                builder.AddCategory("f", v.GetString()!);
            }
        }

        Assert.True(builder.Build().TryGetFeature("f", out var feature));
        var current = feature.CreateHistogram();
        foreach (var v in d.GetProperty("current").EnumerateArray())
        {
            Assert.True(current.TryAdd(v));
        }

        return (feature, current);
    }

    public sealed record Expected(double? Psi, double? Kl, double? Js, double? Ks, double? WassersteinNorm, double? Chi2, double? Chi2P);
}
