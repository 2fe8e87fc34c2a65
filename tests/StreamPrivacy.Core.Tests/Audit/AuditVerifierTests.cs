using System.Text;
using StreamPrivacy.Core.Audit;
using StreamPrivacy.Core.Privacy;
using static StreamPrivacy.Core.Tests.Audit.AuditLog;

namespace StreamPrivacy.Core.Tests.Audit;

/// <summary>
/// Every tampering kind on a chain of 10 releases with heads every 4 entries:
/// r0 r1 r2 r3 H4 r4 r5 r6 r7 H9 r8 r9 C12 (sequences 0..12; H = periodic head, C = closing head).
/// </summary>
public sealed class AuditVerifierTests
{
    private readonly List<AuditEntry> _chain = Chain("release/a", 10);

    [Fact]
    public void Intact_TwoChainsAndOtherLedgerRecords_Verify()
    {
        var records = Records(_chain);
        records.AddRange(Records(Chain("sanitize/a", 2), partition: 1));
        records.Insert(3, new AuditRecord(new AuditPosition(0, 99), "release|x", Encoding.UTF8.GetBytes("{\"kind\":\"release\",\"release_id\":\"x\"}")));

        var report = AuditVerifier.Verify(records, Key, requireClosed: true);

        Assert.True(report.IsIntact);
        var release = report.Chains.Single(c => c.Chain == "release/a");
        Assert.Equal(13, release.Entries);
        Assert.Equal(12, release.LastSequence);
        Assert.Equal(3, release.HeadsVerified);
        Assert.Equal(0, release.UnsignedTail);
        Assert.True(release.Closed);
        Assert.Equal(_chain[^1].Hash, release.LastHash);
        Assert.Equal(["release/a", "sanitize/a"], report.Chains.Select(c => c.Chain));
    }

    [Fact]
    public void ModifiedField_IsReportedAtThatEntry()
    {
        _chain[2] = _chain[2] with { Subject = _chain[2].Subject with { Epsilon = "0" } };
        var failure = First(Records(_chain));
        Assert.Equal((AuditFailureReason.Modified, 2L, new AuditPosition(0, 2)), (failure.Reason, failure.Sequence!.Value, failure.Position));
        Assert.Contains("does not match its hash", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ModifiedAndRehashed_BreaksTheLinkOfTheNextEntry()
    {
        _chain[2] = Rehash(_chain[2] with { Subject = _chain[2].Subject with { Epsilon = "0" } });
        var failure = First(Records(_chain));
        Assert.Equal((AuditFailureReason.BrokenLink, 3L), (failure.Reason, failure.Sequence!.Value));
    }

    [Fact]
    public void ModifiedAndWholeChainRewritten_FailsAtTheNextSignedHead()
    {
        _chain[2] = _chain[2] with { Subject = _chain[2].Subject with { Epsilon = "0" } };
        var failure = First(Records(Relink(_chain, 2)));
        Assert.Equal((AuditFailureReason.BadHeadSignature, 4L), (failure.Reason, failure.Sequence!.Value));
    }

    [Fact]
    public void InsertedEntry_ForAnExistingSequence_IsAnInsertion()
    {
        // A forged entry for sequence 5, correctly linked and hashed, placed before the real one.
        var forged = Rehash(_chain[5] with { Subject = _chain[5].Subject with { ReleaseId = "forged" } });
        var entries = _chain.Take(5).Append(forged).Concat(_chain.Skip(5)).ToList();
        var failure = First(Records(entries));
        Assert.Equal((AuditFailureReason.Inserted, 5L, new AuditPosition(0, 6)), (failure.Reason, failure.Sequence!.Value, failure.Position));
        Assert.Contains("first at partition 0 offset 5", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void InsertedEntry_WithRenumbering_FailsAtTheNextSignedHead()
    {
        var forged = _chain[5] with { Subject = _chain[5].Subject with { ReleaseId = "forged" } };
        var entries = Relink([.. _chain.Take(6).Append(forged).Concat(_chain.Skip(6))], 6);
        var failure = First(Records(entries));
        Assert.Equal((AuditFailureReason.BadHeadSignature, 10L), (failure.Reason, failure.Sequence!.Value));
    }

    [Fact]
    public void DeletedEntry_InTheMiddle_IsASequenceGap()
    {
        _chain.RemoveAt(6);
        var failure = First(Records(_chain));
        Assert.Equal((AuditFailureReason.Deleted, 7L), (failure.Reason, failure.Sequence!.Value));
        Assert.Contains("sequence 6 is missing", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void DeletedEntry_WithRenumbering_FailsAtTheNextSignedHead()
    {
        _chain.RemoveAt(6);
        var failure = First(Records(Relink(_chain, 6)));
        Assert.Equal((AuditFailureReason.BadHeadSignature, 8L), (failure.Reason, failure.Sequence!.Value));
    }

    [Fact]
    public void TruncatedTail_AfterASignedHead_IsReportedWhenClosedChainsAreRequired()
    {
        var cut = Records(_chain.Take(10)); // through the periodic head at sequence 9

        var lenient = AuditVerifier.Verify(cut, Key);
        Assert.True(lenient.IsIntact);
        Assert.False(lenient.Chains.Single().Closed);

        var failure = AuditVerifier.Verify(cut, Key, requireClosed: true).FirstFailure!;
        Assert.Equal((AuditFailureReason.Truncated, 10L, new AuditPosition(0, 9)), (failure.Reason, failure.Sequence!.Value, failure.Position));
    }

    [Fact]
    public void TruncatedTail_ThenClosedWithAForgedHead_FailsItsSignature()
    {
        var cut = _chain.Take(7).ToList();
        var forgedKey = new SecretKey(new byte[32], "audit-test");
        cut.Add(new AuditChain("release/a", forgedKey, last: cut[^1]).Close(T0.AddHours(1)));
        var failure = First(Records(cut), requireClosed: true);
        Assert.Equal((AuditFailureReason.BadHeadSignature, 7L), (failure.Reason, failure.Sequence!.Value));
    }

    [Fact]
    public void ReorderedEntries_AreReportedAsReordered()
    {
        (_chain[6], _chain[7]) = (_chain[7], _chain[6]);
        var failure = First(Records(_chain));
        Assert.Equal((AuditFailureReason.Reordered, 7L, new AuditPosition(0, 6)), (failure.Reason, failure.Sequence!.Value, failure.Position));
    }

    [Fact]
    public void UnreadableEntry_IsAttributedToTheChainItsKeyNames()
    {
        var records = Records(_chain);
        records[3] = records[3] with { Value = Encoding.UTF8.GetBytes("{\"kind\":\"audit\",\"chain\":") };
        var failure = First(records);
        Assert.Equal(("release/a", AuditFailureReason.Unreadable, 3L), (failure.Chain, failure.Reason, failure.Sequence!.Value));
    }

    [Fact]
    public void UnreadableEntry_WithoutAChainKey_IsStillReported()
    {
        var records = Records(_chain);
        records.Insert(0, new AuditRecord(new AuditPosition(1, 0), "junk", Encoding.UTF8.GetBytes("{\"kind\":\"audit\"}")));
        var failure = First(records);
        Assert.Equal((null, AuditFailureReason.Unreadable, new AuditPosition(1, 0)), (failure.Chain, failure.Reason, failure.Position));
    }

    [Fact]
    public void ForgedHeadSignature_IsReported_WithTheKeyIds()
    {
        _chain[9] = Rehash(_chain[9] with { HeadSignature = AuditHash.SignHead(new SecretKey(new byte[32]), "release/a", 9, _chain[9].PrevHash) });
        var failure = First(Records(_chain));
        Assert.Equal((AuditFailureReason.BadHeadSignature, 9L), (failure.Reason, failure.Sequence!.Value));
        Assert.Contains("audit key id audit-test", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongAuditKey_FailsAtTheFirstHead()
    {
        var failure = AuditVerifier.Verify(Records(_chain), new SecretKey(new byte[32], "other")).FirstFailure!;
        Assert.Equal((AuditFailureReason.BadHeadSignature, 4L), (failure.Reason, failure.Sequence!.Value));
        Assert.Contains("the head names key id audit-test", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyOfAnotherSequence_IsAModification()
    {
        var records = Records(_chain);
        records[2] = records[2] with { Key = AuditHash.RecordKey("release/a", 7) };
        Assert.Equal(AuditFailureReason.Modified, First(records).Reason);
    }

    [Fact]
    public void IdenticalRedelivery_IsIgnoredAndCounted()
    {
        var records = Records(_chain);
        records.Add(Record(_chain[3], 0, 50));
        var report = AuditVerifier.Verify(records, Key, requireClosed: true);
        Assert.True(report.IsIntact);
        Assert.Equal(1, report.Chains.Single().Duplicates);
    }

    [Fact]
    public void FirstFailure_IsTheEarliestInReadOrderAcrossChains()
    {
        var other = Chain("sanitize/a", 3);
        other[1] = other[1] with { Subject = other[1].Subject with { Stream = "x" } };
        _chain[8] = _chain[8] with { Subject = _chain[8].Subject with { Stream = "x" } };
        var records = Records(_chain).Concat(Records(other, partition: 1)).ToList();
        var report = AuditVerifier.Verify(records, Key);
        Assert.Equal(("release/a", 8L), (report.FirstFailure!.Chain, report.FirstFailure.Sequence!.Value));
        Assert.NotNull(report.Chains.Single(c => c.Chain == "sanitize/a").Failure);
    }

    [Fact]
    public void ResumedChain_ContinuesAcrossWriterSessions()
    {
        var first = Chain("release/a", 3);
        var resumed = new AuditChain("release/a", Key, headEvery: 4, last: first[^1]);
        Assert.Equal(first[^1].Sequence + 1, resumed.NextSequence);
        var second = resumed.Append(AuditEntryKind.Release, new AuditSubject { ReleaseId = "rel-next" }, T0.AddDays(1)).ToList();
        second.Add(resumed.Close(T0.AddDays(1)));

        var report = AuditVerifier.Verify(Records(first.Concat(second)), Key, requireClosed: true);
        Assert.True(report.IsIntact);
        Assert.Equal(first.Count + 2, report.Chains.Single().Entries);
    }

    private static AuditFailure First(List<AuditRecord> records, bool requireClosed = false)
    {
        var report = AuditVerifier.Verify(records, Key, requireClosed);
        Assert.False(report.IsIntact);
        return report.FirstFailure!;
    }
}
