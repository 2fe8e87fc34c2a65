using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StreamPrivacy.Core.Drift;
using StreamPrivacy.Core.Drift.Offline;
using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Core.Tests.Drift.Offline;

public sealed class OfflineDriftAnalysisTests
{
    private static string Lines(int n, Func<int, string> line) => string.Join('\n', Enumerable.Range(0, n).Select(line)) + "\n";

    private static readonly string Reference = Lines(400, i => string.Create(CultureInfo.InvariantCulture,
        $$$"""{"subject_id":"s{{{i}}}","features":{"x":{{{i % 97}}},"c":"{{{(i % 3 == 0 ? "a" : "b")}}}"}}"""));

    private static readonly string Current = Lines(400, i => string.Create(CultureInfo.InvariantCulture,
        $$$"""{"subject_id":"s{{{i % 100}}}","features":{"x":{{{(i % 97) + 20}}},"c":"{{{(i % 2 == 0 ? "a" : "z")}}}"}}"""));

    private static OfflineDriftReport Run(OfflineDriftOptions options) =>
        OfflineDriftAnalysis.Run(new StringReader(Reference), new StringReader(Current), options);

    private static string Json(OfflineDriftReport report, Rational? epsilon)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            OfflineDriftAnalysis.WriteJson(report, writer, emitCounts: true, epsilon);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Run_EpsilonOff_EqualsExactMetricsOnTheSameHistograms()
    {
        var report = Run(new OfflineDriftOptions());
        var x = report.Features.Single(f => f.Result.Feature == "x");
        Assert.Null(x.Noise);
        Assert.Null(x.ErrorBars);
        Assert.Equal(400, x.ReleasedCounts.Sum());
        Assert.True(x.Result.Psi > 0.2 && x.Result.Drifted);
        var c = report.Features.Single(f => f.Result.Feature == "c");
        Assert.Equal(FeatureKind.Categorical, c.Result.Kind);
        Assert.Equal([200L, 0L, 200L], c.ReleasedCounts); // a, b, other
    }

    [Fact]
    public void Run_SameKeyAndInputs_ByteIdenticalOutput()
    {
        var key = new SecretKey(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(), "noise");
        var options = new OfflineDriftOptions { Epsilon = Rational.Parse("1"), NoiseKey = key };
        Assert.Equal(Json(Run(options), options.Epsilon), Json(Run(options), options.Epsilon));
    }

    [Fact]
    public void Run_DifferentKeys_DifferentNoise()
    {
        var a = new OfflineDriftOptions { Epsilon = Rational.Parse("1"), NoiseKey = new SecretKey(new byte[32], "a") };
        var b = new OfflineDriftOptions { Epsilon = Rational.Parse("1"), NoiseKey = new SecretKey(Enumerable.Repeat((byte)1, 32).ToArray(), "b") };
        Assert.NotEqual(Json(Run(a), a.Epsilon), Json(Run(b), b.Epsilon));
    }

    [Fact]
    public void Run_Epsilon_SplitEquallyAcrossFeaturesWithScaleKOverEpsilon()
    {
        var report = Run(new OfflineDriftOptions { Epsilon = Rational.Parse("0.5"), NoiseKey = new SecretKey(new byte[32]) });
        Assert.All(report.Features, f =>
        {
            Assert.Equal("discrete_laplace", f.Noise!.Mechanism);
            Assert.Equal(Rational.Parse("0.25"), f.Noise.Epsilon);
            Assert.Equal(4.0, f.Noise.Scale);
        });
    }

    [Fact]
    public void WriteJson_Epsilon_ErrorBarsForApplicableMetricsAroundNoisyMetrics()
    {
        var key = new SecretKey(new byte[32], "noise");
        var options = new OfflineDriftOptions { Epsilon = Rational.Parse("1"), NoiseKey = key };
        var report = Run(options);
        var features = JsonNode.Parse(Json(report, options.Epsilon))!["features"]!;

        var x = features["x"]!["dp"]!;
        Assert.Equal(0.9, x["confidence"]!.GetValue<double>());
        Assert.Equal(["psi", "kl", "js", "ks", "wasserstein_norm"], x["error_bars"]!.AsObject().Select(p => p.Key));
        var psi = x["error_bars"]!["psi"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        Assert.Equal(2, psi.Length);
        Assert.True(psi[0] <= psi[1]);
        var released = report.Features.Single(f => f.Result.Feature == "x");
        Assert.Equal(released.ErrorBars![DriftMetric.Psi], new MetricInterval(psi[0], psi[1]));
        Assert.Equal(["psi", "kl", "js", "chi2", "chi2_p"], features["c"]!["dp"]!["error_bars"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Run_ErrorBarSamplesZero_SameNoiseWithoutErrorBars()
    {
        var key = new SecretKey(new byte[32], "noise");
        var with = Run(new OfflineDriftOptions { Epsilon = Rational.Parse("1"), NoiseKey = key });
        var without = Run(new OfflineDriftOptions { Epsilon = Rational.Parse("1"), NoiseKey = key, ErrorBarSamples = 0 });

        Assert.All(without.Features, f => Assert.Null(f.ErrorBars));
        Assert.Equal(with.Features.Select(f => f.ReleasedCounts.ToArray()), without.Features.Select(f => f.ReleasedCounts.ToArray()));
        Assert.DoesNotContain("error_bars", Json(without, Rational.Parse("1")), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SubjectField_BoundsContributions()
    {
        var report = Run(new OfflineDriftOptions { SubjectField = "subject_id", ContributionBound = 2 });
        Assert.Equal(200, report.CurrentEvents); // 100 subjects × 2
        Assert.Equal(200, report.DroppedByBound);
        Assert.Equal(200, report.Features.Single(f => f.Result.Feature == "x").ReleasedCounts.Sum());
    }

    [Fact]
    public void Run_InvalidLines_AreCountedAndSkipped()
    {
        var report = OfflineDriftAnalysis.Run(new StringReader(Reference), new StringReader("not json\n[1]\n" + Current), new OfflineDriftOptions());
        Assert.Equal(2, report.InvalidLines);
        Assert.Equal(400, report.CurrentEvents);
    }
}
