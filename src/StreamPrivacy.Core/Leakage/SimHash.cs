using System.Numerics;

namespace StreamPrivacy.Core.Leakage;

/// <summary>
/// 64-bit SimHash (Charikar 2002) over word bigrams: texts that differ in a few words have hashes a
/// few bits apart, so near-duplicate queries (a probing or model-extraction signal) are found by
/// Hamming distance without keeping the texts.
/// </summary>
internal static class SimHash
{
    /// <summary>Hashes at most this many bits apart count as near-duplicates.</summary>
    public const int NearDuplicateDistance = 12;

    /// <summary>
    /// The SimHash of <paramref name="text"/>: features are the character 4-grams of the text
    /// lower-cased with runs of non-letters/digits collapsed to one space, so a changed word moves
    /// only the few shingles around it.
    /// </summary>
    public static ulong Of(string text)
    {
        var normal = Normalise(text);
        if (normal.Length == 0)
        {
            return 0;
        }

        Span<int> weights = stackalloc int[64];
        const int Shingle = 4;
        for (var i = 0; i + Shingle <= Math.Max(normal.Length, Shingle); i++)
        {
            Add(weights, normal.AsSpan(i, Math.Min(Shingle, normal.Length - i)));
        }

        ulong hash = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (weights[bit] > 0)
            {
                hash |= 1UL << bit;
            }
        }

        return hash;
    }

    /// <summary>Number of differing bits.</summary>
    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    private static void Add(Span<int> weights, ReadOnlySpan<char> feature)
    {
        // FNV-1a over the characters, then the SplitMix64 finaliser to spread the bits.
        var h = 14695981039346656037UL;
        foreach (var c in feature)
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

    private static string Normalise(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return builder.ToString();
    }
}
