using StreamPrivacy.Core.Privacy;
using Xunit.Abstractions;

namespace StreamPrivacy.Core.Tests.Privacy;

/// <summary>
/// Fixed-seed statistical tests: each stream is derived from a fixed key and release id, so the
/// outcome is deterministic; tolerances are stated per test (χ² p &gt; 0.001, moments within ~5 SE).
/// </summary>
public sealed class SamplerTests(ITestOutputHelper output)
{
    private const int SampleCount = 30_000;

    private static readonly SecretKey Key = new(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray(), "sampler-test");

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(1, 1)]
    [InlineData(5, 2)]
    [InlineData(7, 3)]
    public void BernoulliExponential_Gamma_FrequencyMatchesExp(long numerator, long denominator)
    {
        var gamma = new Rational(numerator, denominator);
        var random = DeterministicRandomStream.ForRelease(Key, $"bexp-{gamma}");
        var hits = Enumerable.Range(0, SampleCount).Count(_ => BernoulliExponential.Sample(random, gamma));
        var p = Math.Exp(-gamma.ToDouble());
        var standardError = Math.Sqrt(p * (1 - p) / SampleCount);
        output.WriteLine($"γ={gamma}: observed {hits / (double)SampleCount:F4}, expected {p:F4}");
        Assert.InRange(hits / (double)SampleCount, p - (5 * standardError) - 1e-9, p + (5 * standardError) + 1e-9);
    }

    [Theory]
    [InlineData("3/2")]
    [InlineData("5")]
    [InlineData("1/3")]
    public void DiscreteLaplace_Scale_FitsExactPmf(string scaleText)
    {
        var scale = Rational.Parse(scaleText);
        var t = scale.ToDouble();
        var q = Math.Exp(-1 / t);
        var samples = Draw($"dlap-{scaleText}", r => DiscreteLaplace.Sample(r, scale));

        var (pValue, bins) = SampleStatistics.ChiSquaredPValue(samples, x => (1 - q) / (1 + q) * Math.Pow(q, Math.Abs(x)));
        var variance = 2 * q / ((1 - q) * (1 - q));
        output.WriteLine($"discrete Laplace t={scaleText}: χ² p={pValue:F4} over {bins} bins; " +
            $"mean {SampleStatistics.Mean(samples):F4}, variance {SampleStatistics.Variance(samples):F4} vs {variance:F4}");

        Assert.True(pValue > 0.001, $"χ² p-value {pValue}");
        AssertMoments(samples, variance, excessKurtosisBound: 6);
    }

    [Theory]
    [InlineData("9/2")]
    [InlineData("25")]
    [InlineData("1/4")]
    [InlineData("10000/7")]
    public void DiscreteGaussian_SigmaSquared_FitsExactPmf(string sigmaSquaredText)
    {
        var sigmaSquared = Rational.Parse(sigmaSquaredText);
        var s2 = sigmaSquared.ToDouble();
        var reach = (long)Math.Ceiling(Math.Sqrt(s2) * 12) + 2;
        var normaliser = 0.0;
        var secondMoment = 0.0;
        for (var x = -reach; x <= reach; x++)
        {
            var w = Math.Exp(-(double)x * x / (2 * s2));
            normaliser += w;
            secondMoment += w * x * x;
        }

        var samples = Draw($"dgauss-{sigmaSquaredText}", r => DiscreteGaussian.Sample(r, sigmaSquared));
        var (pValue, bins) = SampleStatistics.ChiSquaredPValue(samples, x => Math.Exp(-(double)x * x / (2 * s2)) / normaliser);
        var variance = secondMoment / normaliser;
        output.WriteLine($"discrete Gaussian σ²={sigmaSquaredText}: χ² p={pValue:F4} over {bins} bins; " +
            $"mean {SampleStatistics.Mean(samples):F4}, variance {SampleStatistics.Variance(samples):F4} vs {variance:F4}");

        Assert.True(pValue > 0.001, $"χ² p-value {pValue}");
        AssertMoments(samples, variance, excessKurtosisBound: 3);
    }

    [Fact]
    public void DiscreteLaplace_ScaleFromDouble_HugeRationalStillFitsPmf()
    {
        // ε = 0.3 as a double is 5404319552844595/2^54, so t = 1/ε has a 53-bit numerator and
        // denominator: exercises the BigInteger paths of the sampler.
        var scale = Rational.One / Rational.FromDouble(0.3);
        Assert.True(scale.Numerator > long.MaxValue / 1024);
        var q = Math.Exp(-0.3);
        var samples = Draw("dlap-double", r => DiscreteLaplace.Sample(r, scale));
        var (pValue, bins) = SampleStatistics.ChiSquaredPValue(samples, x => (1 - q) / (1 + q) * Math.Pow(q, Math.Abs(x)));
        output.WriteLine($"discrete Laplace t=1/0.3 (double): χ² p={pValue:F4} over {bins} bins");
        Assert.True(pValue > 0.001, $"χ² p-value {pValue}");
        AssertMoments(samples, 2 * q / ((1 - q) * (1 - q)), excessKurtosisBound: 6);
    }

    [Fact]
    public void ChiSquaredTest_WrongScale_Rejects()
    {
        // Power check of the harness: t = 3/2 samples must not fit a t = 7/4 model.
        var samples = Draw("dlap-power", r => DiscreteLaplace.Sample(r, new Rational(3, 2)));
        var q = Math.Exp(-4.0 / 7);
        var (pValue, _) = SampleStatistics.ChiSquaredPValue(samples, x => (1 - q) / (1 + q) * Math.Pow(q, Math.Abs(x)));
        output.WriteLine($"wrong-scale control: χ² p={pValue:E2}");
        Assert.True(pValue < 0.001, $"χ² p-value {pValue}");
    }

    [Fact]
    public void DiscreteGaussian_ZeroVariance_ReturnsZero()
    {
        Assert.Equal(0, DiscreteGaussian.Sample(CryptoRandomSource.Shared, Rational.Zero));
    }

    [Fact]
    public void Samplers_InvalidParameters_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DiscreteLaplace.Sample(CryptoRandomSource.Shared, Rational.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => DiscreteGaussian.Sample(CryptoRandomSource.Shared, -Rational.One));
        Assert.Throws<ArgumentOutOfRangeException>(() => BernoulliExponential.Sample(CryptoRandomSource.Shared, -Rational.One));
    }

    [Fact]
    public void Samplers_SameReleaseId_SameNoise()
    {
        long[] Noise(string id)
        {
            var random = DeterministicRandomStream.ForRelease(Key, id);
            return [.. Enumerable.Range(0, 50).Select(i => i % 2 == 0
                ? DiscreteLaplace.Sample(random, 4)
                : DiscreteGaussian.Sample(random, 16))];
        }

        Assert.Equal(Noise("stream-a|w1|p1"), Noise("stream-a|w1|p1"));
        Assert.NotEqual(Noise("stream-a|w1|p1"), Noise("stream-a|w2|p1"));
    }

    private static List<long> Draw(string releaseId, Func<IRandomBitSource, long> sample)
    {
        var random = DeterministicRandomStream.ForRelease(Key, releaseId);
        var samples = new List<long>(SampleCount);
        for (var i = 0; i < SampleCount; i++)
        {
            samples.Add(sample(random));
        }

        return samples;
    }

    private static void AssertMoments(List<long> samples, double variance, double excessKurtosisBound)
    {
        // Mean within 5 standard errors of 0; sample variance within 5 of its standard errors
        // (SE of s² ≈ σ²·√((κ + 2)/n) with κ the excess kurtosis, bounded per distribution).
        var meanTolerance = 5 * Math.Sqrt(variance / samples.Count);
        Assert.InRange(SampleStatistics.Mean(samples), -meanTolerance, meanTolerance);
        var varianceTolerance = 5 * variance * Math.Sqrt((excessKurtosisBound + 2) / samples.Count);
        Assert.InRange(SampleStatistics.Variance(samples), variance - varianceTolerance, variance + varianceTolerance);

        // Symmetry: positive and negative counts agree within 5 binomial standard errors.
        var positive = samples.Count(x => x > 0);
        var negative = samples.Count(x => x < 0);
        Assert.InRange(positive - negative, -5 * Math.Sqrt(positive + negative), 5 * Math.Sqrt(positive + negative));
    }
}
