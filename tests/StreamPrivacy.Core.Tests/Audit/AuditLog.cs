using StreamPrivacy.Core.Audit;
using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Core.Tests.Audit;

/// <summary>Builds audit logs for verifier tests: chains written with <see cref="AuditChain"/>, as ledger records.</summary>
internal static class AuditLog
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    public static readonly SecretKey Key = new(Enumerable.Range(0, 32).Select(i => (byte)(i * 5)).ToArray(), "audit-test");

    /// <summary>A chain of <paramref name="releases"/> release entries with a head every 4 entries and a closing head.</summary>
    public static List<AuditEntry> Chain(string chainId, int releases, bool close = true)
    {
        var chain = new AuditChain(chainId, Key, headEvery: 4);
        var entries = new List<AuditEntry>();
        for (var i = 0; i < releases; i++)
        {
            entries.AddRange(chain.Append(AuditEntryKind.Release, new AuditSubject { ReleaseId = $"rel-{i}", Stream = "m/1/inference", Epsilon = "1", Rho = "0" }, T0.AddMinutes(i)));
        }

        if (close)
        {
            entries.Add(chain.Close(T0.AddHours(1)));
        }

        return entries;
    }

    public static List<AuditRecord> Records(IEnumerable<AuditEntry> entries, int partition = 0) =>
        [.. entries.Select((e, i) => Record(e, partition, i))];

    public static AuditRecord Record(AuditEntry entry, int partition, long offset) =>
        new(new AuditPosition(partition, offset), entry.RecordKey, AuditEntryJson.Encode(entry));

    /// <summary>Re-hashes an edited entry, as an attacker without the audit key can.</summary>
    public static AuditEntry Rehash(AuditEntry entry) => entry with { Hash = AuditHash.Compute(entry) };

    /// <summary>Renumbers and re-links entries from <paramref name="from"/> on (re-hashing everything after an edit).</summary>
    public static List<AuditEntry> Relink(List<AuditEntry> entries, int from)
    {
        var result = entries.Take(from).ToList();
        for (var i = from; i < entries.Count; i++)
        {
            var prev = i == 0 ? AuditHash.Genesis : result[i - 1].Hash;
            result.Add(Rehash(entries[i] with { Sequence = i, PrevHash = prev }));
        }

        return result;
    }
}
