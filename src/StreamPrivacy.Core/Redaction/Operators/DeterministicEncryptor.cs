using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Core.Redaction.Operators;

/// <summary>
/// Deterministic, authenticated, reversible encryption of single values with AES-256-SIV
/// (RFC 5297). Tokens look like <c>enc:{keyId}:{b64url(SIV || ciphertext)}</c> (base64url without
/// padding; SIV is 16 bytes, the ciphertext as long as the UTF-8 value).
/// </summary>
/// <remarks>
/// <para>
/// Key: the 64-byte AES-256-SIV key (two AES-256 keys: S2V/CMAC, then CTR) is derived from the
/// <see cref="SecretKey"/> with HKDF-SHA256 (RFC 5869), no salt, info <c>streamprivacy/aes-siv/v1</c>.
/// The derivation separates this use of the key from HMAC or AES-GCM uses of the same material.
/// </para>
/// <para>
/// Privacy: equal values under the same key and associated data give equal tokens (so joins work);
/// the token reveals that equality and the value's UTF-8 length, nothing else, to anyone without the
/// key. The associated data (the entity type or field path) is authenticated, not stored: a token
/// moved to another field fails to decrypt. Decryption is for key holders only (e.g. an audited
/// re-identification tool); the streaming pipeline never decrypts.
/// </para>
/// <para>Thread-safe: the derived key is read-only; AES state is created per call.</para>
/// </remarks>
public sealed class DeterministicEncryptor
{
    /// <summary>The token prefix, before the key id.</summary>
    public const string TokenPrefix = "enc:";

    /// <summary>The HKDF info string that derives the AES-SIV key; bump the version to re-key.</summary>
    public const string HkdfInfo = "streamprivacy/aes-siv/v1";

    /// <summary>AES-256-SIV key length in bytes.</summary>
    internal const int SivKeySize = 64;

    private static readonly byte[] HkdfInfoBytes = Encoding.UTF8.GetBytes(HkdfInfo);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] _sivKey;

    /// <summary>Creates an encryptor; derives the AES-256-SIV key from <paramref name="key"/> once.</summary>
    public DeterministicEncryptor(SecretKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        KeyId = key.KeyId;
        _sivKey = DeriveSivKey(key);
    }

    /// <summary>The id of the key, written into every token.</summary>
    public string KeyId { get; }

    /// <summary>Encrypts <paramref name="value"/> bound to <paramref name="associatedData"/>; returns the token.</summary>
    /// <remarks>See the class remarks for what the token reveals.</remarks>
    public string Encrypt(ReadOnlySpan<char> value, string associatedData)
    {
        var output = new StringBuilder();
        EncryptTo(value, associatedData, output);
        return output.ToString();
    }

    /// <summary>
    /// Decrypts a token made by <see cref="Encrypt(ReadOnlySpan{char}, string)"/> with the same key
    /// and associated data. Throws <see cref="CryptographicException"/> on a malformed token, another
    /// key id, other associated data, or any tampering.
    /// </summary>
    /// <remarks>Returns the clear value: for key holders only, never in the streaming path.</remarks>
    public string Decrypt(string token, string associatedData)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(associatedData);
        var payload = ParseToken(token);

        var maxDecoded = Base64Url.GetMaxDecodedLength(payload.Length);
        var sealedBytes = ArrayPool<byte>.Shared.Rent(Math.Max(maxDecoded, 1));
        var plaintext = ArrayPool<byte>.Shared.Rent(Math.Max(maxDecoded, 1));
        Span<byte> stack = stackalloc byte[Utf8Scratch.StackLimit];
        var ad = Utf8Scratch.Encode(associatedData, stack, out var rentedAd);
        var length = 0;
        try
        {
            var status = Base64Url.DecodeFromChars(payload, sealedBytes, out var consumed, out var decoded);
            if (status != OperationStatus.Done
                || consumed != payload.Length
                || decoded < AesSiv.SivSize
                || Base64Url.GetEncodedLength(decoded) != payload.Length)
            {
                // The length check rejects padding, whitespace and other non-canonical encodings,
                // so one ciphertext has exactly one token spelling.
                throw new CryptographicException("encrypted token payload is not canonical base64url of SIV || ciphertext");
            }

            length = decoded - AesSiv.SivSize;
            using (var siv = new AesSiv(_sivKey))
            {
                siv.Decrypt(sealedBytes.AsSpan(0, decoded), plaintext, ad);
            }

            try
            {
                return StrictUtf8.GetString(plaintext, 0, length);
            }
            catch (DecoderFallbackException exception)
            {
                throw new CryptographicException("decrypted value is not UTF-8", exception);
            }
        }
        finally
        {
            Utf8Scratch.Release(ad, rentedAd);
            CryptographicOperations.ZeroMemory(plaintext.AsSpan(0, length));
            ArrayPool<byte>.Shared.Return(plaintext);
            ArrayPool<byte>.Shared.Return(sealedBytes);
        }
    }

    /// <summary>One-shot <see cref="Encrypt(ReadOnlySpan{char}, string)"/> (derives the key on every call).</summary>
    /// <remarks>Same semantics as the instance method; prefer an instance for repeated use.</remarks>
    public static string Encrypt(ReadOnlySpan<char> value, SecretKey key, string associatedData) =>
        new DeterministicEncryptor(key).Encrypt(value, associatedData);

    /// <summary>One-shot <see cref="Decrypt(string, string)"/> for key holders.</summary>
    /// <remarks>Throws <see cref="CryptographicException"/> on any tampering, wrong key id or wrong associated data.</remarks>
    public static string Decrypt(string token, SecretKey key, string associatedData) =>
        new DeterministicEncryptor(key).Decrypt(token, associatedData);

    /// <summary>Appends the token for <paramref name="value"/> to <paramref name="output"/>.</summary>
    internal void EncryptTo(ReadOnlySpan<char> value, string associatedData, StringBuilder output)
    {
        ArgumentNullException.ThrowIfNull(associatedData);
        Span<byte> valueStack = stackalloc byte[Utf8Scratch.StackLimit];
        Span<byte> adStack = stackalloc byte[Utf8Scratch.StackLimit];
        var plaintext = Utf8Scratch.Encode(value, valueStack, out var rentedValue);
        var ad = Utf8Scratch.Encode(associatedData, adStack, out var rentedAd);
        var sealedLength = plaintext.Length + AesSiv.SivSize;
        var sealedBytes = ArrayPool<byte>.Shared.Rent(sealedLength);
        var encodedLength = Base64Url.GetEncodedLength(sealedLength);
        var chars = ArrayPool<char>.Shared.Rent(encodedLength);
        try
        {
            using (var siv = new AesSiv(_sivKey))
            {
                siv.Encrypt(plaintext, sealedBytes, ad);
            }

            var written = Base64Url.EncodeToChars(sealedBytes.AsSpan(0, sealedLength), chars);
            output.Append(TokenPrefix).Append(KeyId).Append(':').Append(chars, 0, written);
        }
        finally
        {
            Utf8Scratch.Release(plaintext, rentedValue);
            Utf8Scratch.Release(ad, rentedAd);
            ArrayPool<byte>.Shared.Return(sealedBytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>HKDF-SHA256(ikm = key material, salt = none, info = <see cref="HkdfInfo"/>, L = 64).</summary>
    internal static byte[] DeriveSivKey(SecretKey key)
    {
        // Span overload: no managed copy of the key material is left behind for the GC.
        var sivKey = new byte[SivKeySize];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, key.Material, sivKey, salt: [], info: HkdfInfoBytes);
        return sivKey;
    }

    private ReadOnlySpan<char> ParseToken(string token)
    {
        // The key id may itself contain ':' but base64url never does, so the payload follows the last one.
        var separator = token.LastIndexOf(':');
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal) || separator < TokenPrefix.Length)
        {
            throw new CryptographicException($"not an encrypted token (expected '{TokenPrefix}{{keyId}}:{{payload}}')");
        }

        var keyId = token.AsSpan(TokenPrefix.Length, separator - TokenPrefix.Length);
        if (!keyId.SequenceEqual(KeyId))
        {
            throw new CryptographicException($"token was encrypted with key '{keyId}', not '{KeyId}'");
        }

        return token.AsSpan(separator + 1);
    }
}
