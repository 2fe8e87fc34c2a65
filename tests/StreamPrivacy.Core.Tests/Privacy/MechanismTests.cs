using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Core.Tests.Privacy;

public sealed class MechanismTests
{
    private static readonly SecretKey Key = new(Enumerable.Repeat((byte)7, 32).ToArray(), "mechanism-test");

    [Fact]
    public void LaplaceMechanism_EpsilonAndSensitivity_ScaleIsKOverEpsilon()
    {
        var mechanism = new LaplaceMechanism(Rational.FromDecimal(0.5m), 3);
        Assert.Equal("discrete_laplace", mechanism.Name);
        Assert.Equal(new Rational(6, 1), mechanism.NoiseScale);
        Assert.Equal(6.0, mechanism.Scale);
        Assert.Equal(PrivacyCharge.ForEpsilon(new Rational(1, 2)), mechanism.Charge);
    }

    [Fact]
    public void GaussianMechanism_RhoAndSensitivity_SigmaSquaredIsKSquaredOverTwoRho()
    {
        var mechanism = new GaussianMechanism(Rational.FromDecimal(0.02m), 2);
        Assert.Equal("discrete_gaussian", mechanism.Name);
        Assert.Equal(new Rational(100, 1), mechanism.SigmaSquared);
        Assert.Equal(10.0, mechanism.Scale);
        Assert.Equal(PrivacyCharge.ForRho(new Rational(1, 50)), mechanism.Charge);
    }

    [Fact]
    public void LaplaceMechanism_ErrorBar90_KnownAnswerAndMatchesExactCdf()
    {
        // t = 10: smallest h with 2q^(h+1)/(1+q) ≤ 0.1, q = e^(-0.1), is 23 (continuous Laplace: 23.03).
        Assert.Equal(23, new LaplaceMechanism(new Rational(1, 10), 1).ErrorBar90);

        foreach (var scale in new[] { new Rational(1, 5), new Rational(3, 2), new Rational(7, 1), new Rational(250, 1) })
        {
            var q = Math.Exp(-1 / scale.ToDouble());
            Assert.Equal(BruteForceHalfWidth(x => (1 - q) / (1 + q) * Math.Pow(q, Math.Abs(x))),
                new LaplaceMechanism(Rational.One / scale, 1).ErrorBar90);
        }
    }

    [Fact]
    public void GaussianMechanism_ErrorBar90_MatchesExactCdf()
    {
        foreach (var sigmaSquared in new[] { new Rational(1, 4), new Rational(100, 1), new Rational(12345, 7) })
        {
            var s2 = sigmaSquared.ToDouble();
            var normaliser = Enumerable.Range(-2000, 4001).Sum(x => Math.Exp(-(double)x * x / (2 * s2)));
            var expected = BruteForceHalfWidth(x => Math.Exp(-(double)x * x / (2 * s2)) / normaliser);
            Assert.Equal(expected, new GaussianMechanism(Rational.One / (2 * sigmaSquared), 1).ErrorBar90);
        }

        // σ = 10: continuous 90% half-width 16.45; the discrete one is 16.
        Assert.Equal(16, new GaussianMechanism(new Rational(1, 200), 1).ErrorBar90);
    }

    [Fact]
    public void GaussianMechanism_HugeSigma_UsesConservativeSubGaussianBound()
    {
        // σ = 10^6 > 10^5: bound ⌈σ·√(2 ln 20)⌉ = 2447747, wider than the continuous 1644854.
        var mechanism = new GaussianMechanism(new Rational(1, 2_000_000_000_000), 1);
        Assert.Equal(2_447_747, mechanism.ErrorBar90);
    }

    [Fact]
    public void Release_SameReleaseStream_SameNoisyCounts()
    {
        long[] counts = [10, 0, 5, 1000];
        IHistogramMechanism[] mechanisms = [new LaplaceMechanism(1, 1), new GaussianMechanism(new Rational(1, 2), 1)];
        foreach (var mechanism in mechanisms)
        {
            var first = mechanism.Release(counts, DeterministicRandomStream.ForRelease(Key, "s|w|p"));
            var again = mechanism.Release(counts, DeterministicRandomStream.ForRelease(Key, "s|w|p"));
            var other = mechanism.Release(counts, DeterministicRandomStream.ForRelease(Key, "s|w2|p"));
            Assert.Equal(first.Counts, again.Counts);
            Assert.NotEqual(first.Counts, other.Counts);
            Assert.Equal(4, first.Counts.Count);
            Assert.Equal(mechanism.Name, first.Mechanism);
            Assert.Equal(mechanism.ErrorBar90, first.ErrorBar90);
        }
    }

    [Fact]
    public void Release_ManyCounts_NoiseCoverageNearNinetyPercent()
    {
        // 20,000 noisy zeros: the fraction within the error bar is ≥ 0.9 in expectation
        // (binomial SE ≈ 0.002; tolerance 0.01 below and the discreteness allowance above).
        var counts = new long[20_000];
        IHistogramMechanism[] mechanisms = [new LaplaceMechanism(new Rational(1, 4), 1), new GaussianMechanism(new Rational(1, 50), 1)];
        foreach (var mechanism in mechanisms)
        {
            var release = mechanism.Release(counts, DeterministicRandomStream.ForRelease(Key, "coverage-" + mechanism.Name));
            var inside = release.Counts.Count(c => Math.Abs(c) <= mechanism.ErrorBar90) / (double)counts.Length;
            Assert.InRange(inside, 0.89, 0.93);
        }
    }

    [Fact]
    public void Mechanisms_InvalidParameters_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LaplaceMechanism(Rational.Zero, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LaplaceMechanism(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianMechanism(-Rational.One, 1));
    }

    private static long BruteForceHalfWidth(Func<long, double> pmf)
    {
        var mass = pmf(0);
        long h = 0;
        while (mass < 0.9)
        {
            h++;
            mass += 2 * pmf(h);
        }

        return h;
    }
}
