using MathNet.Numerics.Distributions;

namespace StreamPrivacy.Core.Tests.Privacy;

/// <summary>
/// Goodness-of-fit helpers for the sampler tests. Doubles are fine here: this is the test's model
/// of the distribution, not the sampling path.
/// </summary>
internal static class SampleStatistics
{
    /// <summary>
    /// Pearson χ² p-value of <paramref name="samples"/> against <paramref name="pmf"/>: integer bins
    /// with expected count ≥ 5, the two tails merged into one bin each.
    /// </summary>
    public static (double PValue, int Bins) ChiSquaredPValue(IReadOnlyList<long> samples, Func<long, double> pmf)
    {
        var n = samples.Count;

        // Central bins: walk outward from 0 while each bin expects at least 5 samples.
        long low = 0;
        while (n * pmf(low - 1) >= 5)
        {
            low--;
        }

        long high = 0;
        while (n * pmf(high + 1) >= 5)
        {
            high++;
        }

        var centralMass = 0.0;
        for (var x = low; x <= high; x++)
        {
            centralMass += pmf(x);
        }

        var leftMass = 0.0;
        for (var x = low - 1; x > low - 10_000 && pmf(x) > 0; x--)
        {
            leftMass += pmf(x);
        }

        var rightMass = Math.Max(0, 1 - centralMass - leftMass);
        var counts = new Dictionary<long, int>();
        int left = 0, right = 0;
        foreach (var sample in samples)
        {
            if (sample < low)
            {
                left++;
            }
            else if (sample > high)
            {
                right++;
            }
            else
            {
                counts[sample] = counts.GetValueOrDefault(sample) + 1;
            }
        }

        var statistic = 0.0;
        var bins = 0;
        for (var x = low; x <= high; x++)
        {
            statistic += Term(counts.GetValueOrDefault(x), n * pmf(x));
            bins++;
        }

        // Tail bins join the neighbouring central bin's test only when they expect enough mass.
        foreach (var (observed, mass) in new[] { (left, leftMass), (right, rightMass) })
        {
            if (n * mass >= 1)
            {
                statistic += Term(observed, n * mass);
                bins++;
            }
            else
            {
                Assert.True(observed <= 3, $"tail expected {n * mass:F3} samples but saw {observed}");
            }
        }

        return (1 - ChiSquared.CDF(bins - 1, statistic), bins);
    }

    public static double Mean(IReadOnlyList<long> samples) => samples.Average(x => (double)x);

    public static double Variance(IReadOnlyList<long> samples)
    {
        var mean = Mean(samples);
        return samples.Sum(x => (x - mean) * (x - mean)) / (samples.Count - 1);
    }

    private static double Term(int observed, double expected) => (observed - expected) * (observed - expected) / expected;
}
