using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Core.Redaction.Operators;

/// <summary>
/// Replaces the value with a keyed hash token: <c>hmac:{keyId}:{b64url(HMAC-SHA256(key, UTF-8(value))[0..16])}</c>.
/// The MAC is truncated to 128 bits and base64url-encoded without padding (22 characters).
/// </summary>
/// <remarks>
/// <para>
/// The same value under the same key always gives the same token, in every field and entity type,
/// so joins, group-bys and distinct counts still work. Without the key the token cannot be inverted
/// or recomputed, so a dictionary attack over e-mail addresses or phone numbers needs the key. The
/// key id in the token says which key made it, so keys can rotate (tokens from different keys never
/// match, which is the point of rotating).
/// </para>
/// <para>
/// The MAC is computed with the key material directly, the same construction as
/// <see cref="Redaction.SubjectPseudonymizer"/>: give the two different keys unless linking subject
/// pseudonyms to hashed field values is intended. Lone surrogates are encoded as U+FFFD first, so
/// malformed strings that differ only there share a token.
/// </para>
/// </remarks>
public sealed class HashOperator : RedactionOperator
{
    /// <summary>The token prefix, before the key id.</summary>
    public const string TokenPrefix = "hmac:";

    private const int TruncatedMacSize = 16;

    private readonly SecretKey _key;

    /// <summary>Creates a hash operator over <paramref name="key"/>.</summary>
    public HashOperator(SecretKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key;
    }

    /// <inheritdoc/>
    public override OperatorKind Kind => OperatorKind.Hash;

    /// <summary>The id of the key, written into every token.</summary>
    public string KeyId => _key.KeyId;

    /// <inheritdoc/>
    public override void Apply(ReadOnlySpan<char> value, string entityType, StringBuilder output)
    {
        Span<byte> stack = stackalloc byte[Utf8Scratch.StackLimit];
        var utf8 = Utf8Scratch.Encode(value, stack, out var rented);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        try
        {
            HMACSHA256.HashData(_key.Material, utf8, mac);
        }
        finally
        {
            Utf8Scratch.Release(utf8, rented);
        }

        Span<char> encoded = stackalloc char[Base64Url.GetEncodedLength(TruncatedMacSize)];
        var written = Base64Url.EncodeToChars(mac[..TruncatedMacSize], encoded);
        output.Append(TokenPrefix).Append(_key.KeyId).Append(':').Append(encoded[..written]);
    }
}
