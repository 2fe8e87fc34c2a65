using System.Security.Cryptography;

namespace StreamPrivacy.Core.Privacy;

/// <summary>
/// AES-256-GCM encryption of payloads that must be kept but must not be readable in clear (the
/// dead-letter topic). Each payload gets a fresh 96-bit random nonce; associated data binds the
/// ciphertext to its source metadata so it cannot be moved to another record unnoticed.
/// </summary>
public sealed class PayloadEncryptor
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly SecretKey _key;

    /// <summary>Creates an encryptor; the first 32 bytes of the key are the AES-256 key.</summary>
    public PayloadEncryptor(SecretKey key) => _key = key;

    /// <summary>The key id stored next to every ciphertext.</summary>
    public string KeyId => _key.KeyId;

    /// <summary>Encrypts <paramref name="plaintext"/>; returns nonce, ciphertext and tag.</summary>
    public EncryptedPayload Encrypt(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var nonce = new byte[NonceSize];
        RandomNumberGenerator.Fill(nonce);
        var ciphertext = new byte[plaintext.Length + TagSize];
        using var aes = new AesGcm(_key.Material[..32], TagSize);
        aes.Encrypt(nonce, plaintext, ciphertext.AsSpan(0, plaintext.Length), ciphertext.AsSpan(plaintext.Length), associatedData);
        return new EncryptedPayload(_key.KeyId, nonce, ciphertext);
    }

    /// <summary>Decrypts a payload made by <see cref="Encrypt"/>; throws on any tampering.</summary>
    public byte[] Decrypt(EncryptedPayload payload, ReadOnlySpan<byte> associatedData)
    {
        if (!string.Equals(payload.KeyId, _key.KeyId, StringComparison.Ordinal))
        {
            throw new CryptographicException($"payload was encrypted with key '{payload.KeyId}', not '{_key.KeyId}'");
        }

        var body = payload.Ciphertext.AsSpan();
        if (body.Length < TagSize)
        {
            throw new CryptographicException("ciphertext is shorter than the authentication tag");
        }

        var plaintext = new byte[body.Length - TagSize];
        using var aes = new AesGcm(_key.Material[..32], TagSize);
        aes.Decrypt(payload.Nonce, body[..^TagSize], body[^TagSize..], plaintext, associatedData);
        return plaintext;
    }
}
