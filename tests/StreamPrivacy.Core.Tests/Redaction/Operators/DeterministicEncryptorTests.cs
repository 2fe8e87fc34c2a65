using System.Buffers.Text;
using System.Security.Cryptography;
using StreamPrivacy.Core.Privacy;
using StreamPrivacy.Core.Redaction.Operators;

namespace StreamPrivacy.Core.Tests.Redaction.Operators;

public sealed class DeterministicEncryptorTests
{
    private static readonly byte[] KeyBytes = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];

    private static SecretKey Key => new(KeyBytes, "pii-2026");

    [Fact]
    public void DeriveSivKey_KnownAnswer_MatchesIndependentHkdf()
    {
        // HKDF-SHA256 written out in Python with hmac only (RFC 5869, salt absent = 32 zero bytes):
        // prk = hmac(bytes(32), bytes(range(32)), sha256); info = b"streamprivacy/aes-siv/v1"
        // t1 = hmac(prk, info + b"\x01"); t2 = hmac(prk, t1 + info + b"\x02"); okm = t1 + t2
        // (cross-checked against cryptography's HKDF(SHA256(), 64, None, info)).
        Assert.Equal(
            "1a05044f99ccf3b7fb4fe4717ba0725dd42c13c29a114dc1aa8a04030aa48044" +
            "ab53d8450017dc917b1639e98c5082cf578cbaa4c63073334b696387b2b0f8de",
            Convert.ToHexStringLower(DeterministicEncryptor.DeriveSivKey(Key)));
    }

    // Expected tokens from Python `cryptography` (OpenSSL), independent of this code:
    // "enc:pii-2026:" + b64url(AESSIV(okm).encrypt(value.encode(), [associated_data.encode()])) with okm above.
    [Theory]
    [InlineData("alice@example.com", "EMAIL_ADDRESS", "enc:pii-2026:80yEbhnk7LmEPtjErXjUI6ipihiYsuK3PT6aQKvsX3EJ")]
    [InlineData("José Müller \U0001F600", "customer.name", "enc:pii-2026:Pk-i4VOwoAJ_2owxG8GUMEP53v7wUryeAwFdieXo0RozKQ")]
    [InlineData("", "EMAIL_ADDRESS", "enc:pii-2026:5YPkuXZew1K2D9IKRlOU6w")]
    public void Encrypt_KnownAnswer_MatchesIndependentAesSiv(string value, string associatedData, string expected)
    {
        Assert.Equal(expected, DeterministicEncryptor.Encrypt(value, Key, associatedData));
        Assert.Equal(expected, new EncryptOperator(Key).Apply(value, associatedData));
        Assert.Equal(value, DeterministicEncryptor.Decrypt(expected, Key, associatedData));
    }

    [Fact]
    public void Encrypt_SameValueTwice_IsDeterministic()
    {
        var encryptor = new DeterministicEncryptor(Key);
        Assert.Equal(encryptor.Encrypt("bob", "EMAIL_ADDRESS"), encryptor.Encrypt("bob", "EMAIL_ADDRESS"));
    }

    [Fact]
    public void Encrypt_SameValueDifferentAssociatedData_DifferentTokens()
    {
        var op = new EncryptOperator(Key);
        Assert.NotEqual(op.Apply("bob", "EMAIL_ADDRESS"), op.Apply("bob", "PERSON"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("exactly sixteen!")]
    [InlineData("a value with a surrogate pair \U0001F600 and accents éü")]
    public void EncryptDecrypt_RoundTrip_RecoversValue(string value)
    {
        var token = new EncryptOperator(Key).Apply(value, "customer.email");
        Assert.Equal(value, EncryptOperator.Decrypt(token, Key, "customer.email"));
    }

    [Fact]
    public void EncryptDecrypt_LongValueBeyondStackBuffers_RoundTrips()
    {
        var value = string.Concat(Enumerable.Repeat("ñ😀x", 2_000));
        var ad = new string('f', 1_000);
        var encryptor = new DeterministicEncryptor(Key);
        Assert.Equal(value, encryptor.Decrypt(encryptor.Encrypt(value, ad), ad));
    }

    [Fact]
    public void Decrypt_WrongAssociatedData_Throws()
    {
        var token = DeterministicEncryptor.Encrypt("alice@example.com", Key, "customer.email");
        Assert.Throws<CryptographicException>(() => DeterministicEncryptor.Decrypt(token, Key, "billing.email"));
    }

    [Fact]
    public void Decrypt_WrongKeyMaterialSameKeyId_Throws()
    {
        var other = KeyBytes.ToArray();
        other[0] ^= 0x80;
        var token = DeterministicEncryptor.Encrypt("alice@example.com", Key, "E");
        Assert.Throws<CryptographicException>(() => DeterministicEncryptor.Decrypt(token, new SecretKey(other, "pii-2026"), "E"));
    }

    [Fact]
    public void Decrypt_OtherKeyId_Throws()
    {
        var token = DeterministicEncryptor.Encrypt("alice@example.com", Key, "E");
        var ex = Assert.Throws<CryptographicException>(() => DeterministicEncryptor.Decrypt(token, new SecretKey(KeyBytes, "pii-2027"), "E"));
        Assert.Contains("pii-2026", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decrypt_KeyIdContainingColon_RoundTrips()
    {
        var key = new SecretKey(KeyBytes, "tenant:a");
        var token = DeterministicEncryptor.Encrypt("v", key, "E");
        Assert.StartsWith("enc:tenant:a:", token, StringComparison.Ordinal);
        Assert.Equal("v", DeterministicEncryptor.Decrypt(token, key, "E"));
    }

    [Fact]
    public void Decrypt_AnyBitOfPayloadFlipped_Throws()
    {
        var token = DeterministicEncryptor.Encrypt("alice@example.com", Key, "E");
        var prefix = "enc:pii-2026:";
        var payload = Base64Url.DecodeFromChars(token.AsSpan(prefix.Length));
        for (var bit = 0; bit < payload.Length * 8; bit++)
        {
            var tampered = payload.ToArray();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));
            var tamperedToken = prefix + Base64Url.EncodeToString(tampered);
            Assert.Throws<CryptographicException>(() => DeterministicEncryptor.Decrypt(tamperedToken, Key, "E"));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("hmac:pii-2026:AAAA")]
    [InlineData("enc:pii-2026")]
    [InlineData("enc:pii-2026:")]
    [InlineData("enc:pii-2026:AAAA")]
    [InlineData("enc:pii-2026:not base64!")]
    public void Decrypt_MalformedToken_Throws(string token) =>
        Assert.Throws<CryptographicException>(() => DeterministicEncryptor.Decrypt(token, Key, "E"));

    [Fact]
    public void Decrypt_NonCanonicalPayload_Throws()
    {
        // Padding or whitespace would decode to the same bytes; only the canonical spelling is accepted.
        var token = DeterministicEncryptor.Encrypt("alice@example.com", Key, "E");
        Assert.Throws<CryptographicException>(() => DeterministicEncryptor.Decrypt(token + "=", Key, "E"));
        Assert.Throws<CryptographicException>(() => DeterministicEncryptor.Decrypt(token.Insert(20, " "), Key, "E"));
    }

    [Fact]
    public void Encrypt_TokenFormat_IsPrefixKeyIdAndCanonicalBase64Url()
    {
        var token = new EncryptOperator(Key).Apply("0123456789", "E");
        Assert.StartsWith("enc:pii-2026:", token, StringComparison.Ordinal);
        var payload = token["enc:pii-2026:".Length..];
        Assert.Equal(Base64Url.GetEncodedLength(16 + 10), payload.Length);
        Assert.DoesNotContain('=', payload);
    }

    [Fact]
    public void Apply_ConcurrentCallsOnSharedOperators_GiveSameTokensAsSequential()
    {
        var encrypt = new EncryptOperator(Key);
        var hash = new HashOperator(Key);
        var values = Enumerable.Range(0, 2_000).Select(i => $"user{i}@example.com").ToArray();
        var expected = values.Select(v => encrypt.Apply(v, "E") + "|" + hash.Apply(v, "E")).ToArray();
        var actual = new string[values.Length];
        Parallel.For(0, values.Length, i => actual[i] = encrypt.Apply(values[i], "E") + "|" + hash.Apply(values[i], "E"));
        Assert.Equal(expected, actual);
    }
}
