using System.Buffers;
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
    public static ulong Of(string text) => Of(text.AsSpan());

    /// <inheritdoc cref="Of(string)"/>
    public static ulong Of(ReadOnlySpan<char> text)
    {
        char[]? rented = null;
        var buffer = text.Length <= 512 ? stackalloc char[text.Length] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        try
        {
            return OfNormal(buffer[..Normalise(text, buffer)]);
        }
        finally
        {
            if (rented is not null)
            {
                // It held (normalised) query text: clear before returning it to the shared pool.
                Array.Clear(rented, 0, text.Length);
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static ulong OfNormal(ReadOnlySpan<char> normal)
    {
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
            var h = Hash(normal.Slice(i, Math.Min(Shingle, normal.Length - i)));
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

    // Lower-cased letters and digits, each run of other characters collapsed to one space (none
    // leading or trailing); returns the length written to destination (never longer than text).
    private static int Normalise(ReadOnlySpan<char> text, Span<char> destination)
    {
        var length = 0;
        var space = false;
        foreach (var c in text)
        {
            var keep = c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);
            if (!keep)
            {
                space = true;
                continue;
            }

            if (space && length > 0)
            {
                destination[length++] = ' ';
            }

            destination[length++] = c < 128 ? (char)(char.IsAsciiLetterUpper(c) ? c | 0x20 : c) : char.ToLowerInvariant(c);
            space = false;
        }

        return length;
    }
}
