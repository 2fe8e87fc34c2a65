using StreamPrivacy.Core.Privacy;
using StreamPrivacy.Core.Redaction;

namespace StreamPrivacy.Core.Tests.Redaction;

public sealed class SubjectPseudonymizerTests
{
    private static readonly byte[] KeyBytes = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];

    [Fact]
    public void Pseudonymize_KnownAnswer_MatchesIndependentHmac()
    {
        // Computed independently with Python: hmac.new(bytes(range(32)), b'customer-8812', sha256), first 16 bytes, base64url.
        var pseudonymizer = new SubjectPseudonymizer(new SecretKey(KeyBytes));
        Assert.Equal("ps_4fTO39QFlfrecGHZYLF-ow", pseudonymizer.Pseudonymize("customer-8812"));
    }

    [Fact]
    public void KeyId_Derived_MatchesIndependentDigest()
    {
        // sha256(b'streamprivacy-key-id:' + key)[:4] in hex, computed with Python.
        Assert.Equal("6cc8056f", new SecretKey(KeyBytes).KeyId);
    }

    [Fact]
    public void Pseudonymize_SameSubjectSameKey_IsStable()
    {
        var p = new SubjectPseudonymizer(new SecretKey(KeyBytes, "k1"));
        Assert.Equal(p.Pseudonymize("alice"), p.Pseudonymize("alice"));
        Assert.NotEqual(p.Pseudonymize("alice"), p.Pseudonymize("bob"));
    }

    [Fact]
    public void Pseudonymize_RepeatsBeyondTheRememberedSet_MatchFreshComputations()
    {
        var p = new SubjectPseudonymizer(new SecretKey(KeyBytes));
        var ids = Enumerable.Range(0, 10_000).Select(i => "customer-" + (i * 7919 % 5_000)).ToArray();
        var first = ids.Select(p.Pseudonymize).ToArray();
        for (var i = 0; i < ids.Length; i++)
        {
            Assert.Equal(new SubjectPseudonymizer(new SecretKey(KeyBytes)).Pseudonymize(ids[i]), first[i]);
        }

        Assert.Equal("ps_4fTO39QFlfrecGHZYLF-ow", p.Pseudonymize("customer-8812".AsSpan()));
        Assert.Equal("ps_4fTO39QFlfrecGHZYLF-ow", p.Pseudonymize("customer-8812"));
    }

    [Fact]
    public void Pseudonymize_DifferentKey_DifferentPseudonym()
    {
        var other = KeyBytes.ToArray();
        other[0] ^= 1;
        Assert.NotEqual(
            new SubjectPseudonymizer(new SecretKey(KeyBytes)).Pseudonymize("alice"),
            new SubjectPseudonymizer(new SecretKey(other)).Pseudonymize("alice"));
    }

    [Fact]
    public void Pseudonymize_LongSubject_Works()
    {
        var p = new SubjectPseudonymizer(new SecretKey(KeyBytes));
        Assert.StartsWith("ps_", p.Pseudonymize(new string('é', 5_000)), StringComparison.Ordinal);
    }

    [Fact]
    public void SecretKey_TooShort_Throws() =>
        Assert.Throws<ArgumentException>(() => new SecretKey(new byte[16]));

    [Fact]
    public void SecretKey_Generate_IsEphemeralAndRandom()
    {
        var a = SecretKey.Generate("t");
        var b = SecretKey.Generate("t");
        Assert.True(a.IsEphemeral);
        Assert.NotEqual(a.KeyId, b.KeyId);
    }

    [Fact]
    public void SecretKey_LoadFromEnvironment_DecodesBase64()
    {
        const string variable = "STREAMPRIVACY_TEST_KEY_LOAD";
        Environment.SetEnvironmentVariable(variable, Convert.ToBase64String(KeyBytes));
        try
        {
            Assert.Equal("6cc8056f", SecretKey.Load(variable, null)!.KeyId);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void SecretKey_LoadFromFile_ReadsRawBytes()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [.. KeyBytes.Select(b => (byte)(b | 0x80))]); // not base64 text: raw key bytes
            Assert.NotNull(SecretKey.Load(null, path, "file-key"));
            Assert.Equal("file-key", SecretKey.Load(null, path, "file-key")!.KeyId);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SecretKey_NothingConfigured_ReturnsNull() =>
        Assert.Null(SecretKey.Load("STREAMPRIVACY_TEST_UNSET_VARIABLE", null));
}
