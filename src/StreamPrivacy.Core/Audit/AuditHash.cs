using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Core.Audit;

/// <summary>
/// The canonical encoding, hash and head signature of audit entries.
/// </summary>
/// <remarks>
/// <para>Canonical encoding: the concatenation of <c>enc(x)</c> for, in this order, the domain tag
/// <c>streamprivacy.audit.v1</c>, prev_hash, chain, sequence (decimal, invariant), kind (wire name),
/// recorded_at (UTC, <c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>), release_id, stream, period_start,
/// policy_version, policy_hash, key_name, key_id, epsilon, rho, outcome, head_signature. <c>enc(s)</c>
/// is the 4-byte big-endian length of UTF-8(s) followed by those bytes; <c>enc(null)</c> is the four
/// bytes FF FF FF FF, so an absent field differs from an empty one.</para>
/// <para><c>hash = lower-hex(SHA-256(canonical encoding))</c>.</para>
/// <para>A chain head at sequence s signs the entry before it:
/// <c>head_signature = lower-hex(HMAC-SHA256(audit key, enc("streamprivacy.audit.head.v1") ‖ enc(chain) ‖
/// enc(decimal(s − 1)) ‖ enc(prev_hash)))</c>. Its own hash then covers the signature. A valid head
/// authenticates the whole chain up to it: changing any earlier entry changes prev_hash.</para>
/// </remarks>
public static class AuditHash
{
    /// <summary>prev_hash of sequence 0.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Prefix of every audit record key on the ledger topic.</summary>
    public const string KeyPrefix = "audit|";

    private const string Domain = "streamprivacy.audit.v1";
    private const string HeadDomain = "streamprivacy.audit.head.v1";

    /// <summary>The ledger record key of entry <paramref name="sequence"/> of <paramref name="chain"/>.</summary>
    public static string RecordKey(string chain, long sequence) =>
        KeyPrefix + chain + "|" + sequence.ToString("D12", CultureInfo.InvariantCulture);

    /// <summary>The canonical text of a time: UTC with seven fractional digits.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The hash of <paramref name="entry"/> (its <see cref="AuditEntry.Hash"/> is ignored).</summary>
    public static string Compute(AuditEntry entry) => Convert.ToHexStringLower(SHA256.HashData(Canonical(entry)));

    /// <summary>The signature a chain head at <paramref name="headSequence"/> with <paramref name="prevHash"/> must carry.</summary>
    /// <remarks>Only holders of the audit key can make it; the verifier compares in constant time.</remarks>
    public static string SignHead(SecretKey auditKey, string chain, long headSequence, string prevHash)
    {
        ArgumentNullException.ThrowIfNull(auditKey);
        var buffer = new List<byte>(128);
        Append(buffer, HeadDomain);
        Append(buffer, chain);
        Append(buffer, (headSequence - 1).ToString(CultureInfo.InvariantCulture));
        Append(buffer, prevHash);
        return Convert.ToHexStringLower(HMACSHA256.HashData(auditKey.Material, [.. buffer]));
    }

    /// <summary>True when <paramref name="head"/> carries the signature <paramref name="auditKey"/> makes.</summary>
    public static bool VerifyHead(SecretKey auditKey, AuditEntry head)
    {
        ArgumentNullException.ThrowIfNull(head);
        if (head.HeadSignature is not { Length: 64 } signature)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(SignHead(auditKey, head.Chain, head.Sequence, head.PrevHash));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature.ToLowerInvariant()));
    }

    /// <summary>The canonical encoding of <paramref name="entry"/> (everything but its hash).</summary>
    public static byte[] Canonical(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var s = entry.Subject;
        var buffer = new List<byte>(256);
        foreach (var field in (string?[])[
            Domain, entry.PrevHash, entry.Chain, entry.Sequence.ToString(CultureInfo.InvariantCulture), AuditEntryKinds.Name(entry.Kind), Time(entry.RecordedAt),
            s.ReleaseId, s.Stream, s.PeriodStart, s.PolicyVersion, s.PolicyHash, s.KeyName, s.KeyId, s.Epsilon, s.Rho, s.Outcome, entry.HeadSignature])
        {
            Append(buffer, field);
        }

        return [.. buffer];
    }

    private static void Append(List<byte> buffer, string? value)
    {
        Span<byte> length = stackalloc byte[4];
        if (value is null)
        {
            BinaryPrimitives.WriteUInt32BigEndian(length, uint.MaxValue);
            buffer.AddRange(length);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)bytes.Length);
        buffer.AddRange(length);
        buffer.AddRange(bytes);
    }
}
