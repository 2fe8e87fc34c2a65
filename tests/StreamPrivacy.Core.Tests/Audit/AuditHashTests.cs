using StreamPrivacy.Core.Audit;
using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Core.Tests.Audit;

/// <summary>Known-answer vectors for the canonical encoding (computed independently with Python's hashlib/hmac).</summary>
public sealed class AuditHashTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly SecretKey Key = new(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());

    private static AuditEntry Release => new()
    {
        Chain = "release/test-1",
        Sequence = 0,
        Kind = AuditEntryKind.Release,
        RecordedAt = T0,
        Subject = new AuditSubject
        {
            ReleaseId = "m/1/inference/2026-11-23T10:00:00.0000000Z/default-2",
            Stream = "m/1/inference",
            PolicyVersion = "default-2",
            Epsilon = "1/2",
            Rho = "0",
            Outcome = "charged",
        },
        PrevHash = AuditHash.Genesis,
        Hash = string.Empty,
    };

    [Fact]
    public void Compute_FixedReleaseEntry_MatchesKnownAnswer() =>
        Assert.Equal("3e35544f7cbf19caf5a09c31d3404c4ffc910ffd27b7609f334567fdaa427a45", AuditHash.Compute(Release));

    [Fact]
    public void SignHead_AndHeadHash_MatchKnownAnswers()
    {
        var chain = new AuditChain("release/test-1", Key);
        var first = Assert.Single(chain.Append(AuditEntryKind.Release, Release.Subject, T0));
        Assert.Equal("3e35544f7cbf19caf5a09c31d3404c4ffc910ffd27b7609f334567fdaa427a45", first.Hash);

        var head = chain.Close(T0.AddSeconds(1));
        Assert.Equal("6cc8056f", Key.KeyId);
        Assert.Equal("dd6711c41280fece64af7d3f18cb895657a949ee5b215f7c23b4d75ef29957f5", head.HeadSignature);
        Assert.Equal("e6c49274c69d4ccb4db4efd0f4ce3306337adcb76650afaf3f769ebb0cfa3ed5", head.Hash);
        Assert.True(AuditHash.VerifyHead(Key, head));
        Assert.False(AuditHash.VerifyHead(new SecretKey(new byte[32]), head));
    }

    [Fact]
    public void Compute_NullAndEmptyField_Differ() =>
        Assert.NotEqual(AuditHash.Compute(Release), AuditHash.Compute(Release with { Subject = Release.Subject with { PolicyHash = string.Empty } }));

    [Fact]
    public void Compute_EveryFieldIsCovered()
    {
        var baseline = AuditHash.Compute(Release);
        var s = Release.Subject;
        AuditEntry[] variants =
        [
            Release with { Chain = "release/test-2" },
            Release with { Sequence = 1 },
            Release with { Kind = AuditEntryKind.BudgetCharge },
            Release with { RecordedAt = T0.AddTicks(1) },
            Release with { PrevHash = new string('1', 64) },
            Release with { HeadSignature = "x" },
            Release with { Subject = s with { ReleaseId = "other" } },
            Release with { Subject = s with { Stream = "other" } },
            Release with { Subject = s with { PeriodStart = "other" } },
            Release with { Subject = s with { PolicyVersion = "other" } },
            Release with { Subject = s with { PolicyHash = "other" } },
            Release with { Subject = s with { KeyName = "other" } },
            Release with { Subject = s with { KeyId = "other" } },
            Release with { Subject = s with { Epsilon = "1" } },
            Release with { Subject = s with { Rho = "1" } },
            Release with { Subject = s with { Outcome = "refused" } },
        ];
        Assert.All(variants, v => Assert.NotEqual(baseline, AuditHash.Compute(v)));
    }

    [Fact]
    public void Json_RoundTrips_AndKeepsTheHash()
    {
        var entry = Release with { Hash = AuditHash.Compute(Release) };
        var decoded = AuditEntryJson.Decode(AuditEntryJson.Encode(entry));
        Assert.Equal(entry, decoded);
        Assert.Equal("audit|release/test-1|000000000000", decoded.RecordKey);
    }
}
