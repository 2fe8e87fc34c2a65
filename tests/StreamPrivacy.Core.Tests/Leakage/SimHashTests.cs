using StreamPrivacy.Core.Leakage;

namespace StreamPrivacy.Core.Tests.Leakage;

public sealed class SimHashTests
{
    [Fact]
    public void Of_NearDuplicatePrompts_AreWithinTheNearDuplicateDistance()
    {
        var a = SimHash.Of("what is the credit limit for account holders with income above fifty thousand");
        var b = SimHash.Of("what is the credit limit for account holders with income above sixty thousand");
        var c = SimHash.Of("summarise the weather in lisbon tomorrow afternoon please");
        Assert.True(SimHash.Distance(a, b) <= SimHash.NearDuplicateDistance, $"distance {SimHash.Distance(a, b)}");
        Assert.True(SimHash.Distance(a, c) > SimHash.NearDuplicateDistance, $"distance {SimHash.Distance(a, c)}");
        Assert.Equal(a, SimHash.Of("what is the credit limit for account holders with income above fifty thousand"));
    }

    [Theory]
    [InlineData("explain the score in plain words")]
    [InlineData("What is the approval score for income 50012 and age 41 in country DE?")]
    [InlineData("ab")]
    [InlineData("Ünïcödé ÀÉÎ straße — ΑΒΓ déjà vu, 東京 42")]
    public void Of_MatchesAScalarReferenceImplementation(string text) => Assert.Equal(Reference(text), SimHash.Of(text));

    [Theory]
    [InlineData("")]
    [InlineData("?!-- ..")]
    public void Of_NoLettersOrDigits_IsZero(string text) => Assert.Equal(0UL, SimHash.Of(text));

    [Fact]
    public void Of_TextLongerThanTheStackBuffer_MatchesTheReference()
    {
        var text = string.Concat(Enumerable.Range(0, 120).Select(i => $"Word{i} ")); // > 512 characters
        Assert.Equal(Reference(text), SimHash.Of(text));
    }

    // The textbook SimHash over the same features: 64 scalar counters, +1/-1 per bit per shingle.
    private static ulong Reference(string text)
    {
        var normal = new System.Text.StringBuilder();
        var space = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && normal.Length > 0)
                {
                    normal.Append(' ');
                }

                normal.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }

        var n = normal.ToString();
        var weights = new int[64];
        for (var i = 0; i + 4 <= Math.Max(n.Length, 4); i++)
        {
            var h = 14695981039346656037UL;
            foreach (var c in n.AsSpan(i, Math.Min(4, n.Length - i)))
            {
                h = (h ^ c) * 1099511628211UL;
            }

            h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL;
            h = (h ^ (h >> 27)) * 0x94D049BB133111EBUL;
            h ^= h >> 31;
            for (var bit = 0; bit < 64; bit++)
            {
                weights[bit] += ((h >> bit) & 1) == 1 ? 1 : -1;
            }
        }

        ulong result = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (weights[bit] > 0)
            {
                result |= 1UL << bit;
            }
        }

        return result;
    }

    [Fact]
    public void Of_EmptyText_IsZero() => Assert.Equal(0UL, SimHash.Of(string.Empty));
}
