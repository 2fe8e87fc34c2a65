using StreamPrivacy.Core.Privacy;
using StreamPrivacy.Core.Redaction;
using StreamPrivacy.Core.Redaction.Operators;

namespace StreamPrivacy.Core.Tests.Redaction.Operators;

public sealed class HashOperatorTests
{
    private static readonly byte[] KeyBytes = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];

    // Expected tokens computed independently with Python:
    // "hmac:pii-2026:" + base64.urlsafe_b64encode(hmac.new(bytes(range(32)), v.encode(), sha256).digest()[:16]).rstrip(b"=")
    [Theory]
    [InlineData("alice@example.com", "hmac:pii-2026:pZ_FeNTLRvqrHW6zSOfHSw")]
    [InlineData("José Müller \U0001F600", "hmac:pii-2026:JAr-Gja6i4G-9W4Jfii4gQ")]
    [InlineData("", "hmac:pii-2026:04tCCW2A9F-Ca0Sp1WB95w")]
    public void Apply_KnownAnswer_MatchesIndependentHmac(string value, string expected) =>
        Assert.Equal(expected, new HashOperator(new SecretKey(KeyBytes, "pii-2026")).Apply(value, "EMAIL_ADDRESS"));

    [Fact]
    public void Apply_SameValueDifferentEntityType_SameTokenSoJoinsWork()
    {
        var hash = new HashOperator(new SecretKey(KeyBytes, "k"));
        Assert.Equal(hash.Apply("alice@example.com", "EMAIL_ADDRESS"), hash.Apply("alice@example.com", "customer.email"));
    }

    [Fact]
    public void Apply_DifferentKey_DifferentToken()
    {
        var other = KeyBytes.ToArray();
        other[31] ^= 1;
        var a = new HashOperator(new SecretKey(KeyBytes, "k")).Apply("alice@example.com", "E");
        var b = new HashOperator(new SecretKey(other, "k")).Apply("alice@example.com", "E");
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Apply_DefaultKeyId_UsesDerivedKeyId() =>
        Assert.StartsWith("hmac:6cc8056f:", new HashOperator(new SecretKey(KeyBytes)).Apply("x", "E"), StringComparison.Ordinal);

    [Fact]
    public void Apply_LongValueBeyondStackBuffer_MatchesPseudonymizerMac()
    {
        // Same HMAC construction as SubjectPseudonymizer, which has its own Python known answer; a
        // 5000-char value exercises the pooled-buffer path.
        var value = new string('é', 5_000);
        var key = new SecretKey(KeyBytes, "k");
        var token = new HashOperator(key).Apply(value, "E");
        Assert.Equal("hmac:k:" + new SubjectPseudonymizer(key).Pseudonymize(value)[3..], token);
    }
}
