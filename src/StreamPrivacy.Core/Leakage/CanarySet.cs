using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Core.Leakage;

/// <summary>
/// Canary strings registered by a model owner, stored only as keyed hashes, and counted in model
/// outputs with a keyed Rabin–Karp search: a canary appearing in an output is a memorisation signal.
/// </summary>
/// <remarks>
/// <para>
/// Each entry is (length, keyed rolling fingerprint, HMAC-SHA256(key, canary)). The rolling
/// fingerprint is a polynomial hash modulo the Mersenne prime 2⁶¹−1 whose base is derived from the
/// key, so without the key it says nothing useful about the canary; candidates found by it are
/// confirmed with the HMAC (constant-time comparison). The search costs one rolling update per
/// character per distinct canary length — independent of the number of canaries.
/// </para>
/// <para>File format, one entry per line: <c>v1:{length}:{fingerprint hex}:{hmac hex}</c>.</para>
/// </remarks>
public sealed class CanarySet
{
    private const ulong Prime = (1UL << 61) - 1;
    private readonly byte[] _hmacKey;
    private readonly ulong _base;
    private readonly Dictionary<int, Dictionary<ulong, List<byte[]>>> _byLength;

    private CanarySet(SecretKey key, Dictionary<int, Dictionary<ulong, List<byte[]>>> byLength)
    {
        _hmacKey = key.Material.ToArray();
        _base = BaseOf(key);
        _byLength = byLength;
    }

    /// <summary>Number of registered canaries.</summary>
    public int Count => _byLength.Values.Sum(d => d.Values.Sum(l => l.Count));

    /// <summary>True when no canary is registered (nothing to search for).</summary>
    public bool IsEmpty => _byLength.Count == 0;

    /// <summary>An empty set (no canaries registered).</summary>
    public static CanarySet Empty(SecretKey key) => new(key, []);

    /// <summary>Registers <paramref name="canaries"/> (plain text, kept only as keyed hashes).</summary>
    public static CanarySet FromCanaries(SecretKey key, IEnumerable<string> canaries)
    {
        var set = Empty(key);
        foreach (var canary in canaries)
        {
            if (canary.Length < 8)
            {
                throw new ArgumentException("A canary needs at least 8 characters.", nameof(canaries));
            }

            set.Add(canary.Length, set.Fingerprint(canary.AsSpan()), set.Mac(canary.AsSpan()));
        }

        return set;
    }

    /// <summary>Loads entries written by <see cref="ToLines"/> with the same key.</summary>
    /// <exception cref="FormatException">A line is malformed (the message names the line).</exception>
    public static CanarySet FromLines(SecretKey key, IEnumerable<string> lines)
    {
        var set = Empty(key);
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(':');
            if (parts.Length != 4 || parts[0] != "v1"
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                || !ulong.TryParse(parts[2], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var fingerprint)
                || parts[3].Length != 64)
            {
                throw new FormatException($"canary file line {number}: expected v1:LENGTH:FINGERPRINT:HMAC");
            }

            set.Add(length, fingerprint, Convert.FromHexString(parts[3]));
        }

        return set;
    }

    /// <summary>The stored form, one line per canary (no canary text).</summary>
    public IReadOnlyList<string> ToLines() =>
        [.. _byLength.OrderBy(kv => kv.Key).SelectMany(byLength => byLength.Value.OrderBy(kv => kv.Key).SelectMany(
            byPrint => byPrint.Value.Select(mac => string.Create(CultureInfo.InvariantCulture,
                $"v1:{byLength.Key}:{byPrint.Key:x16}:{Convert.ToHexStringLower(mac)}"))))];

    /// <summary>How many times registered canaries occur in <paramref name="text"/>.</summary>
    public int CountHits(ReadOnlySpan<char> text)
    {
        var hits = 0;
        foreach (var (length, prints) in _byLength)
        {
            if (text.Length < length)
            {
                continue;
            }

            // Rolling hash of every window of this length: h = Σ c_i · base^(L−1−i) mod p.
            var top = Power(_base, length - 1);
            ulong h = 0;
            for (var i = 0; i < length; i++)
            {
                h = Add(MulMod(h, _base), text[i]);
            }

            for (var start = 0; ; start++)
            {
                if (prints.TryGetValue(h, out var macs) && Confirm(text.Slice(start, length), macs))
                {
                    hits++;
                }

                if (start + length >= text.Length)
                {
                    break;
                }

                h = Sub(h, MulMod(text[start], top));
                h = Add(MulMod(h, _base), text[start + length]);
            }
        }

        return hits;
    }

    private bool Confirm(ReadOnlySpan<char> candidate, List<byte[]> macs)
    {
        var mac = Mac(candidate);
        return macs.Any(m => CryptographicOperations.FixedTimeEquals(m, mac));
    }

    private void Add(int length, ulong fingerprint, byte[] mac)
    {
        if (!_byLength.TryGetValue(length, out var prints))
        {
            prints = [];
            _byLength[length] = prints;
        }

        if (!prints.TryGetValue(fingerprint, out var macs))
        {
            macs = [];
            prints[fingerprint] = macs;
        }

        macs.Add(mac);
    }

    private ulong Fingerprint(ReadOnlySpan<char> text)
    {
        ulong h = 0;
        foreach (var c in text)
        {
            h = Add(MulMod(h, _base), c);
        }

        return h;
    }

    private byte[] Mac(ReadOnlySpan<char> text)
    {
        var bytes = Encoding.UTF8.GetBytes(text.ToArray());
        return HMACSHA256.HashData(_hmacKey, bytes);
    }

    private static ulong BaseOf(SecretKey key)
    {
        var digest = HMACSHA256.HashData(key.Material.ToArray(), "streamprivacy/canary-base/v1"u8);
        return (BitConverter.ToUInt64(digest, 0) % (Prime - 256)) + 256;
    }

    private static ulong Power(ulong b, int e)
    {
        ulong result = 1;
        for (var i = 0; i < e; i++)
        {
            result = MulMod(result, b);
        }

        return result;
    }

    private static ulong MulMod(ulong a, ulong b)
    {
        var product = (UInt128)a * b;
        var folded = (ulong)(product & Prime) + (ulong)(product >> 61);
        while (folded >= Prime)
        {
            folded -= Prime;
        }

        return folded;
    }

    private static ulong Add(ulong a, ulong b)
    {
        var s = a + b;
        return s >= Prime ? s - Prime : s;
    }

    private static ulong Sub(ulong a, ulong b) => a >= b ? a - b : a + Prime - b;
}
