using System.Security.Cryptography;
using System.Text;
using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Core.Tests.Privacy;

public sealed class PayloadEncryptorTests
{
    private readonly PayloadEncryptor _encryptor = new(new SecretKey(new byte[32], "dlq-1"));
    private readonly byte[] _aad = Encoding.UTF8.GetBytes("ml.inference.raw/0/42");

    [Fact]
    public void EncryptDecrypt_RoundTrips()
    {
        var plaintext = Encoding.UTF8.GetBytes("{\"contact\":\"SECRET\"}");
        var sealedPayload = _encryptor.Encrypt(plaintext, _aad);
        Assert.Equal("dlq-1", sealedPayload.KeyId);
        Assert.Equal(plaintext, _encryptor.Decrypt(sealedPayload, _aad));
    }

    [Fact]
    public void Encrypt_CiphertextDoesNotContainPlaintext()
    {
        var plaintext = Encoding.UTF8.GetBytes("SECRET-SECRET-SECRET");
        var sealedPayload = _encryptor.Encrypt(plaintext, _aad);
        Assert.DoesNotContain("SECRET", Encoding.UTF8.GetString(sealedPayload.Ciphertext), StringComparison.Ordinal);
        Assert.NotEqual(sealedPayload.Nonce, _encryptor.Encrypt(plaintext, _aad).Nonce);
    }

    [Fact]
    public void Decrypt_TamperedCiphertext_Throws()
    {
        var sealedPayload = _encryptor.Encrypt([1, 2, 3], _aad);
        sealedPayload.Ciphertext[0] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => _encryptor.Decrypt(sealedPayload, _aad));
    }

    [Fact]
    public void Decrypt_OtherSourceCoordinates_Throws()
    {
        var sealedPayload = _encryptor.Encrypt([1, 2, 3], _aad);
        Assert.ThrowsAny<CryptographicException>(() => _encryptor.Decrypt(sealedPayload, Encoding.UTF8.GetBytes("ml.inference.raw/0/43")));
    }

    [Fact]
    public void Decrypt_OtherKeyId_Throws()
    {
        var sealedPayload = _encryptor.Encrypt([1, 2, 3], _aad) with { KeyId = "dlq-2" };
        Assert.ThrowsAny<CryptographicException>(() => _encryptor.Decrypt(sealedPayload, _aad));
    }
}
