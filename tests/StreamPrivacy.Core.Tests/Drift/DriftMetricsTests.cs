using StreamPrivacy.Core.Drift;

namespace StreamPrivacy.Core.Tests.Drift;

public sealed class DriftMetricsTests
{
    [Fact]
    public void Psi_TwoBins_MatchesHandComputation()
    {
        // r = (0.5, 0.5), c = (0.8, 0.2): psi = 0.3·ln 1.6 + (−0.3)·ln 0.4 = 0.3·ln 4.
        Approx.Equal(0.3 * Math.Log(4.0), DriftMetrics.Psi([50, 50], [80, 20]));

        // kl = 0.8·ln 1.6 + 0.2·ln 0.4.
        Approx.Equal((0.8 * Math.Log(1.6)) + (0.2 * Math.Log(0.4)), DriftMetrics.KullbackLeibler([50, 50], [80, 20]));
        Approx.Equal(0.3, DriftMetrics.KolmogorovSmirnov([50, 50], [80, 20]));
    }

    [Fact]
    public void Psi_ZeroCurrentBin_FlooredNotRenormalised()
    {
        // c = (1, 0) → floored (1, 1e-4); r = (0.5, 0.5).
        var expected = (0.5 * Math.Log(2.0)) + ((1e-4 - 0.5) * Math.Log(1e-4 / 0.5));
        Approx.Equal(expected, DriftMetrics.Psi([5, 5], [7, 0]));
    }

    [Fact]
    public void JensenShannon_DisjointAndIdentical_OneAndZero()
    {
        Approx.Equal(1.0, DriftMetrics.JensenShannon([3, 0], [0, 9]));
        Approx.Equal(0.0, DriftMetrics.JensenShannon([3, 1], [6, 2]));
    }

    [Fact]
    public void WassersteinNormalized_TwoEdges_HandComputed()
    {
        // Points: bin0 at 0, bin1 at 1 (midpoint of 0 and 2), bin2 at 2. r = (1, 0, 0), c = (0, 0, 1):
        // |1 − 0|·1 + |1 − 0|·1 = 2, divided by std 4.
        Approx.Equal(0.5, DriftMetrics.WassersteinNormalized([1, 0, 0], [0, 0, 1], [0.0, 2.0], 4.0));
    }

    [Fact]
    public void WassersteinNormalized_ZeroStd_Null()
    {
        Assert.Null(DriftMetrics.WassersteinNormalized([1, 1], [0, 1], [5.0], 0.0));
    }

    [Fact]
    public void ChiSquare_TwoCategoriesPlusOther_HandComputed()
    {
        // r = (0.5, 0.5, floor 1e-4), N = 100, O = (60, 40, 0): E = (50, 50, 0.01).
        var expected = (100.0 / 50) + (100.0 / 50) + 0.01;
        var chi = DriftMetrics.ChiSquare([10, 10, 0], [60, 40, 0])!.Value;
        Approx.Equal(expected, chi.Chi2);

        // Two degrees of freedom: Q(1, x/2) = exp(−x/2).
        Approx.Equal(Math.Exp(-expected / 2), chi.P);
    }

    [Fact]
    public void Metrics_EmptyCurrentAfterClamping_Null()
    {
        long[] reference = [3, 4];
        long[] current = [-2, 0];
        Assert.Null(DriftMetrics.Psi(reference, current));
        Assert.Null(DriftMetrics.KullbackLeibler(reference, current));
        Assert.Null(DriftMetrics.JensenShannon(reference, current));
        Assert.Null(DriftMetrics.KolmogorovSmirnov(reference, current));
        Assert.Null(DriftMetrics.ChiSquare(reference, current));
    }

    [Fact]
    public void Metrics_LengthMismatch_Throws()
    {
        Assert.Throws<ArgumentException>(() => DriftMetrics.Psi([1, 2], [1, 2, 3]));
    }

    [Fact]
    public void Compute_Numeric_CategoricalMetricsNullAndDefaultPsiRule()
    {
        var feature = new ReferenceFeature("age", BinLayout.Numeric([0.0]), [50, 50], 1.0);
        var result = DriftMetrics.Compute(feature, [80, 20]);
        Assert.Null(result.Chi2);
        Assert.Null(result.Chi2P);
        Assert.NotNull(result.Ks);
        Assert.NotNull(result.WassersteinNorm);
        Assert.Equal(100, result.CurrentTotal);
        Assert.Equal(0.3 * Math.Log(4.0) >= 0.2, result.Drifted);
        Assert.Equal([DriftMetric.Psi], result.Triggered);
    }

    [Fact]
    public void Compute_Categorical_NumericMetricsNull()
    {
        var feature = new ReferenceFeature("country", BinLayout.Categorical(["DE", "FR"]), [50, 50, 0], null);
        var result = DriftMetrics.Compute(feature, [50, 50, 0]);
        Assert.Null(result.Ks);
        Assert.Null(result.WassersteinNorm);
        Assert.NotNull(result.Chi2P);
        Assert.False(result.Drifted);
    }

    [Fact]
    public void Compute_PerFeatureThresholds_ReplaceDefault()
    {
        var feature = new ReferenceFeature("country", BinLayout.Categorical(["DE", "FR"]), [50, 50, 0], null);
        var thresholds = new DriftThresholds
        {
            PerFeature = { ["country"] = new Dictionary<DriftMetric, double> { [DriftMetric.Chi2P] = 0.05, [DriftMetric.Js] = 0.9 } },
        };

        // psi ≈ 0.08 (< 0.2) but p ≪ 0.05: only the p-value rule fires.
        var result = DriftMetrics.Compute(feature, [64, 36, 0], thresholds);
        Assert.True(result.Psi < 0.2);
        Assert.True(result.Drifted);
        Assert.Equal([DriftMetric.Chi2P], result.Triggered);

        var other = new ReferenceFeature("other", BinLayout.Categorical(["DE", "FR"]), [50, 50, 0], null);
        Assert.False(DriftMetrics.Compute(other, [64, 36, 0], thresholds).Drifted);
    }

    [Fact]
    public void Compute_PsiExactlyAtThreshold_Drifted()
    {
        var feature = new ReferenceFeature("f", BinLayout.Numeric([0.0]), [50, 50], 1.0);
        var psi = DriftMetrics.Psi([50, 50], [80, 20])!.Value;
        var thresholds = new DriftThresholds { Default = new Dictionary<DriftMetric, double> { [DriftMetric.Psi] = psi } };
        Assert.True(DriftMetrics.Compute(feature, [80, 20], thresholds).Drifted);
    }

    [Fact]
    public void Compute_Profile_MissingHistogramGivesNullMetrics()
    {
        var builder = new ReferenceProfileBuilder();
        builder.AddNumber("a", 1);
        builder.AddNumber("a", 2);
        builder.AddCategory("b", "x");
        var profile = builder.Build();
        var a = profile.Features[0].CreateHistogram();
        a.Add(1.5);

        var results = DriftMetrics.Compute(profile, new Dictionary<string, FeatureHistogram> { ["a"] = a });
        Assert.Equal(["a", "b"], results.Select(r => r.Feature));
        Assert.NotNull(results[0].Psi);
        Assert.Null(results[1].Psi);
        Assert.False(results[1].Drifted);
    }
}
