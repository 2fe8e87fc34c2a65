using System.Numerics;
using System.Runtime.Intrinsics;

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

        // 64 signed counters as eight 8-lane vectors; each shingle adds ±1 per bit through a
        // per-byte table of lane patterns (eight vector adds instead of 64 scalar steps).
        Span<Vector256<int>> weights = stackalloc Vector256<int>[8];
        const int Shingle = 4;
        for (var i = 0; i + Shingle <= Math.Max(normal.Length, Shingle); i++)
        {
            var h = Hash(normal.AsSpan(i, Math.Min(Shingle, normal.Length - i)));
            for (var b = 0; b < 8; b++)
            {
                weights[b] += ByteSigns[(int)((h >> (8 * b)) & 0xFF)];
            }
        }

        ulong hash = 0;
        for (var b = 0; b < 8; b++)
        {
            var positive = Vector256.GreaterThan(weights[b], Vector256<int>.Zero).ExtractMostSignificantBits();
            hash |= (ulong)positive << (8 * b);
        }

        return hash;
    }

    /// <summary>Number of differing bits.</summary>
    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    // ±1 per bit of a byte, lane j = bit j.
    private static readonly Vector256<int>[] ByteSigns = [.. Enumerable.Range(0, 256).Select(v =>
        Vector256.Create(
            Sign(v, 0), Sign(v, 1), Sign(v, 2), Sign(v, 3), Sign(v, 4), Sign(v, 5), Sign(v, 6), Sign(v, 7)))];

    private static int Sign(int value, int bit) => ((value >> bit) & 1) == 1 ? 1 : -1;

    // FNV-1a over the characters, then the SplitMix64 finaliser to spread the bits.
    private static ulong Hash(ReadOnlySpan<char> feature)
    {
        var h = 14695981039346656037UL;
        foreach (var c in feature)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL;
        h = (h ^ (h >> 27)) * 0x94D049BB133111EBUL;
        return h ^ (h >> 31);
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
