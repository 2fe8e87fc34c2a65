using System.Numerics;
using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Core.Tests.Privacy;

public sealed class DeterministicRandomStreamTests
{
    private const string ReleaseId = "orders|2026-01-01T00:00:00Z|policy-3";

    // Computed independently with Python's stdlib:
    //   seed = hmac.new(bytes(range(32)), b"streamprivacy/dp-noise/v1\x00" + rid.encode(), sha256).digest()
    //   out  = b"".join(hmac.new(seed, i.to_bytes(8, "big"), sha256).digest() for i in range(3))
    private const string ExpectedFirst80Bytes =
        "20c4f35ebbacd7ba4c12f0222fb78e07205e5fb8abe27c4393fab6a4413f13ca" +
        "ddf813d55eda021bd4b5fe061eb1a716030ed6fbe4c1ef8cbbbc7f697457400d" +
        "23e4d928fa1b766f7dea1f6f62dc246d";

    private static readonly SecretKey Key = new(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(), "noise-test");

    [Fact]
    public void NextBytes_FixedKeyAndId_MatchesIndependentHmacCounterVector()
    {
        var stream = DeterministicRandomStream.ForRelease(Key, ReleaseId);
        var bytes = new byte[80];

        // Read in uneven pieces so block boundaries fall inside a read.
        stream.NextBytes(bytes.AsSpan(0, 5));
        stream.NextBytes(bytes.AsSpan(5, 40));
        stream.NextBytes(bytes.AsSpan(45));

        Assert.Equal(ExpectedFirst80Bytes, Convert.ToHexStringLower(bytes));
    }

    [Fact]
    public void NextUInt64_FirstValue_IsFirstEightBytesBigEndian()
    {
        Assert.Equal(0x20c4f35ebbacd7baUL, DeterministicRandomStream.ForRelease(Key, ReleaseId).NextUInt64());
    }

    [Fact]
    public void NextBelow_Ten_RejectsOutOfRangeNibblesPerDocumentedLayout()
    {
        // One byte per draw, low 4 bits kept: 0x20→0, 0xc4→4, 0xf3→3, 0x5e→14 (reject), 0xbb→11 (reject),
        // 0xac→12 (reject), 0xd7→7, 0xba→10 (reject), 0x4c→12 (reject), 0x12→2.
        var stream = DeterministicRandomStream.ForRelease(Key, ReleaseId);
        var draws = Enumerable.Range(0, 5).Select(_ => stream.NextBelow(10UL)).ToArray();
        Assert.Equal([0UL, 4, 3, 7, 2], draws);
    }

    [Fact]
    public void NextBelow_BigBoundAndUlongBound_AgreeOnSameStream()
    {
        var a = DeterministicRandomStream.ForRelease(Key, ReleaseId);
        var b = DeterministicRandomStream.ForRelease(Key, ReleaseId);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal((BigInteger)a.NextBelow(1_000_003UL), b.NextBelow(new BigInteger(1_000_003)));
        }
    }

    [Fact]
    public void NextBelow_HugeBound_StaysBelowBound()
    {
        var stream = DeterministicRandomStream.ForRelease(Key, ReleaseId);
        var bound = (BigInteger.One << 130) + 12345;
        for (var i = 0; i < 200; i++)
        {
            var value = stream.NextBelow(bound);
            Assert.InRange(value, BigInteger.Zero, bound - 1);
        }
    }

    [Fact]
    public void ForRelease_SameKeyAndId_SameStream()
    {
        var a = DeterministicRandomStream.ForRelease(Key, ReleaseId);
        var b = DeterministicRandomStream.ForRelease(Key, ReleaseId);
        Assert.Equal(Enumerable.Range(0, 50).Select(_ => a.NextUInt64()), Enumerable.Range(0, 50).Select(_ => b.NextUInt64()));
    }

    [Fact]
    public void ForRelease_DifferentIdOrKey_DifferentStream()
    {
        var baseline = DeterministicRandomStream.ForRelease(Key, ReleaseId).NextUInt64();
        Assert.NotEqual(baseline, DeterministicRandomStream.ForRelease(Key, ReleaseId + "x").NextUInt64());
        Assert.NotEqual(baseline, DeterministicRandomStream.ForRelease(new SecretKey(new byte[32]), ReleaseId).NextUInt64());
    }

    [Fact]
    public void NextBits_Count_KeepsOnlyLowBits()
    {
        var stream = DeterministicRandomStream.ForRelease(Key, ReleaseId);
        Assert.Equal(0x20UL & 0x7, stream.NextBits(3));
        Assert.Equal(0xc4f3UL & 0x3FF, stream.NextBits(10));
        Assert.Equal(0UL, stream.NextBits(0));
    }

    [Fact]
    public void NextBernoulli_ExactProbabilities_MatchFrequencies()
    {
        // 20,000 draws of Bernoulli(1/3): standard error ≈ 0.0033, tolerance 5 SE.
        var stream = DeterministicRandomStream.ForRelease(Key, "bernoulli-third");
        var hits = Enumerable.Range(0, 20_000).Count(_ => stream.NextBernoulli(new Rational(1, 3)));
        Assert.InRange(hits / 20_000.0, (1 / 3.0) - 0.0167, (1 / 3.0) + 0.0167);
        Assert.False(stream.NextBernoulli(Rational.Zero));
        Assert.True(stream.NextBernoulli(Rational.One));
        Assert.Throws<ArgumentOutOfRangeException>(() => stream.NextBernoulli(new Rational(3, 2)));
    }

    [Fact]
    public void CryptoRandomSource_NextBelow_StaysInRange()
    {
        for (var i = 0; i < 100; i++)
        {
            Assert.InRange(CryptoRandomSource.Shared.NextBelow(7UL), 0UL, 6UL);
        }
    }
}
