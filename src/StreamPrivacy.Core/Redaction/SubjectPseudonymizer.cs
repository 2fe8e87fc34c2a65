using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Core.Redaction;

/// <summary>
/// Replaces subject identifiers with keyed pseudonyms: HMAC-SHA256(key, subject id), truncated to
/// 128 bits and base64url-encoded. The same subject maps to the same pseudonym under the same key,
/// so per-subject contribution bounding still works downstream; without the key the mapping cannot
/// be inverted or recomputed by dictionary attack.
/// </summary>
/// <remarks>
/// Subjects recur across events, so each thread remembers the pseudonyms of its most recent subjects
/// (bounded, in process memory only, never written anywhere): a repeat costs a lookup, not an HMAC.
/// </remarks>
public sealed class SubjectPseudonymizer
{
    private const string Prefix = "ps_";
    private const int PseudonymLength = 3 + 22; // "ps_" + 16 bytes base64url without padding
    private const int MaxRemembered = 4096;
    private const int MaxRememberedLength = 128;
    private readonly Lazy<SecretKey> _key;
    private readonly ThreadLocal<PerThread> _state;

    /// <summary>Creates a pseudonymizer over <paramref name="key"/>.</summary>
    public SubjectPseudonymizer(SecretKey key)
        : this(() => key)
    {
    }

    /// <summary>Creates a pseudonymizer whose key is resolved at first use (so an unused key is never generated or reported missing).</summary>
    public SubjectPseudonymizer(Func<SecretKey> key)
    {
        _key = new Lazy<SecretKey>(key, LazyThreadSafetyMode.ExecutionAndPublication);

        // One keyed HMAC state per thread, reset after each use: no per-call key schedule.
        _state = new ThreadLocal<PerThread>(() => new PerThread(IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key.Value.Material)));
    }

    /// <summary>The key id recorded next to every pseudonym.</summary>
    public string KeyId => _key.Value.KeyId;

    /// <summary>Returns the pseudonym of <paramref name="subjectId"/>.</summary>
    public string Pseudonymize(string subjectId) => Pseudonymize(subjectId.AsSpan());

    /// <summary>Returns the pseudonym of <paramref name="subjectId"/>.</summary>
    public string Pseudonymize(ReadOnlySpan<char> subjectId)
    {
        var state = _state.Value!;
        var remembered = state.Remembered.GetAlternateLookup<ReadOnlySpan<char>>();
        if (remembered.TryGetValue(subjectId, out var known))
        {
            return known;
        }

        var pseudonym = Compute(state.Hmac, subjectId);
        if (subjectId.Length <= MaxRememberedLength)
        {
            if (state.Remembered.Count >= MaxRemembered)
            {
                state.Remembered.Clear();
            }

            remembered[subjectId] = pseudonym;
        }

        return pseudonym;
    }

    private static string Compute(IncrementalHash hmac, ReadOnlySpan<char> subjectId)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(subjectId.Length);
        var buffer = maxBytes <= 512 ? stackalloc byte[maxBytes] : new byte[maxBytes];
        var length = Encoding.UTF8.GetBytes(subjectId, buffer);
        Span<byte> mac = stackalloc byte[32];
        hmac.AppendData(buffer[..length]);
        hmac.GetHashAndReset(mac);
        Span<char> chars = stackalloc char[PseudonymLength];
        Prefix.CopyTo(chars);
        Base64Url.EncodeToChars(mac[..16], chars[Prefix.Length..]);
        return new string(chars);
    }

    private sealed class PerThread(IncrementalHash hmac)
    {
        public IncrementalHash Hmac { get; } = hmac;

        public Dictionary<string, string> Remembered { get; } = new(StringComparer.Ordinal);
    }
}
