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
public sealed class SubjectPseudonymizer
{
    private readonly Lazy<SecretKey> _key;
    private readonly ThreadLocal<IncrementalHash> _hmac;

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
        _hmac = new ThreadLocal<IncrementalHash>(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key.Value.Material));
    }

    /// <summary>The key id recorded next to every pseudonym.</summary>
    public string KeyId => _key.Value.KeyId;

    /// <summary>Returns the pseudonym of <paramref name="subjectId"/>.</summary>
    public string Pseudonymize(string subjectId)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(subjectId.Length);
        var buffer = maxBytes <= 512 ? stackalloc byte[maxBytes] : new byte[maxBytes];
        var length = Encoding.UTF8.GetBytes(subjectId, buffer);
        Span<byte> mac = stackalloc byte[32];
        var hmac = _hmac.Value!;
        hmac.AppendData(buffer[..length]);
        hmac.GetHashAndReset(mac);
        return "ps_" + Base64Url(mac[..16]);
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
