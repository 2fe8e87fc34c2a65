using System.Globalization;
using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Core.Audit;

/// <summary>
/// Verifies every audit chain in a ledger snapshot and reports, per chain and for the log, the first
/// bad record and why (see <see cref="AuditFailureReason"/>).
/// </summary>
/// <remarks>
/// <para>Records are taken in read order (partition, then offset); a writer keeps its chain on one
/// partition, so read order is write order. Within a chain the verifier expects sequence 0, 1, 2, …
/// each linked to the previous by prev_hash, with a valid hash over its own content and a record key
/// matching it. A byte-identical repeat of an accepted entry (redelivery) is ignored; a different
/// entry for a sequence already seen is an insertion, whichever of the two is the forgery.</para>
/// <para>Guarantees: changes to entries up to the last valid signed head are detected even when the
/// attacker re-hashes the whole chain (the head's HMAC covers the prefix through prev_hash). Entries
/// after the last head are only hash-linked: an attacker without the audit key can append or cut them
/// undetectably unless <c>requireClosed</c> is set for writers that stopped gracefully (a chain must
/// then end with a closing head).</para>
/// </remarks>
public static class AuditVerifier
{
    /// <summary>Verifies <paramref name="records"/> with <paramref name="auditKey"/>.</summary>
    public static AuditReport Verify(IReadOnlyList<AuditRecord> records, SecretKey auditKey, bool requireClosed = false)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(auditKey);
        var chains = new SortedDictionary<string, List<Item>>(StringComparer.Ordinal);
        var unattributed = new List<AuditFailure>();
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            var keyed = record.Key?.StartsWith(AuditHash.KeyPrefix, StringComparison.Ordinal) == true;
            var span = record.Value.Span;
            if (!keyed && AuditEntryJson.LedgerKindOf(span) != AuditEntryJson.LedgerKind)
            {
                continue; // a release or budget record
            }

            AuditEntry? entry = null;
            try
            {
                entry = AuditEntryJson.Decode(span);
            }
            catch (FormatException)
            {
                // Unreadable: attribute it to the chain its key names, if any.
            }

            var chain = entry?.Chain ?? ChainOf(record.Key);
            if (chain is null)
            {
                unattributed.Add(new AuditFailure(null, null, record.Position, i, AuditFailureReason.Unreadable, "audit record is not parseable and its key names no chain"));
                continue;
            }

            if (!chains.TryGetValue(chain, out var items))
            {
                items = [];
                chains[chain] = items;
            }

            items.Add(new Item(i, record, entry));
        }

        return new AuditReport([.. chains.Select(c => VerifyChain(c.Key, c.Value, auditKey, requireClosed))], unattributed, records.Count);
    }

    private static AuditChainSummary VerifyChain(string chain, List<Item> items, SecretKey auditKey, bool requireClosed)
    {
        var seen = new Dictionary<long, (string Hash, AuditPosition Position)>();
        var expected = 0L;
        var prev = AuditHash.Genesis;
        var heads = 0;
        var sinceHead = 0L;
        var closed = false;
        var duplicates = 0;
        var last = default(AuditPosition);
        AuditFailure? failure = null;
        for (var i = 0; i < items.Count && failure is null; i++)
        {
            var (index, record, entry) = items[i];
            AuditFailure Fail(AuditFailureReason reason, long? sequence, string detail) => new(chain, sequence, record.Position, index, reason, detail);
            if (entry is null)
            {
                failure = Fail(AuditFailureReason.Unreadable, SequenceOf(record.Key), "audit record is not parseable");
                continue;
            }

            var s = entry.Sequence;
            if (!string.Equals(record.Key, entry.RecordKey, StringComparison.Ordinal))
            {
                failure = Fail(AuditFailureReason.Modified, s, $"record key '{record.Key}' does not match the entry's chain and sequence ('{entry.RecordKey}')");
                continue;
            }

            var computed = AuditHash.Compute(entry);
            if (!string.Equals(computed, entry.Hash, StringComparison.Ordinal))
            {
                failure = Fail(AuditFailureReason.Modified, s, $"content does not match its hash (stored {Short(entry.Hash)}, computed {Short(computed)})");
                continue;
            }

            if (s < expected)
            {
                if (seen.TryGetValue(s, out var first) && string.Equals(first.Hash, entry.Hash, StringComparison.Ordinal))
                {
                    duplicates++;
                }
                else
                {
                    var where = seen.TryGetValue(s, out var earlier) ? $" (first at {earlier.Position}, hash {Short(earlier.Hash)})" : string.Empty;
                    failure = Fail(AuditFailureReason.Inserted, s, $"a second, different entry for sequence {s}{where}; hash {Short(entry.Hash)}");
                }

                continue;
            }

            if (s > expected)
            {
                var later = items.Skip(i + 1).Any(x => x.Entry?.Sequence == expected);
                failure = later
                    ? Fail(AuditFailureReason.Reordered, s, $"sequence {s} appears before sequence {expected}")
                    : Fail(AuditFailureReason.Deleted, s, s - expected == 1
                        ? $"sequence gap: sequence {expected} is missing before this entry"
                        : $"sequence gap: sequences {expected}..{s - 1} are missing before this entry");
                continue;
            }

            if (!string.Equals(entry.PrevHash, prev, StringComparison.Ordinal))
            {
                failure = Fail(AuditFailureReason.BrokenLink, s, $"prev_hash {Short(entry.PrevHash)} does not match the hash of sequence {s - 1} ({Short(prev)}): an entry was altered and re-hashed, replaced, or removed with renumbering");
                continue;
            }

            if (entry.Kind == AuditEntryKind.ChainHead)
            {
                if (!AuditHash.VerifyHead(auditKey, entry))
                {
                    var named = entry.Subject.KeyId is { } id && !string.Equals(id, auditKey.KeyId, StringComparison.Ordinal) ? $"; the head names key id {id}" : string.Empty;
                    failure = Fail(AuditFailureReason.BadHeadSignature, s, $"head signature does not verify with audit key id {auditKey.KeyId}{named}");
                    continue;
                }

                heads++;
                sinceHead = 0;
                closed = entry.Subject.Outcome == AuditHeads.Closing;
            }
            else
            {
                sinceHead++;
                closed = false;
            }

            seen[s] = (entry.Hash, record.Position);
            prev = entry.Hash;
            last = record.Position;
            expected++;
        }

        if (failure is null && requireClosed && !closed)
        {
            var lastIndex = items.Count == 0 ? 0 : items[^1].Index;
            failure = new AuditFailure(chain, expected, last, lastIndex, AuditFailureReason.Truncated,
                $"chain ends at sequence {expected - 1} without a closing head: its writer is still running, crashed, or the tail was cut");
        }

        return new AuditChainSummary
        {
            Chain = chain,
            Entries = expected,
            LastSequence = expected - 1,
            LastHash = prev,
            HeadsVerified = heads,
            UnsignedTail = sinceHead,
            Closed = closed,
            Duplicates = duplicates,
            Failure = failure,
        };
    }

    private static string? ChainOf(string? key)
    {
        if (key is null || !key.StartsWith(AuditHash.KeyPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var bar = key.LastIndexOf('|');
        return bar > AuditHash.KeyPrefix.Length ? key[AuditHash.KeyPrefix.Length..bar] : null;
    }

    private static long? SequenceOf(string? key)
    {
        var bar = key?.LastIndexOf('|') ?? -1;
        return bar >= 0 && long.TryParse(key.AsSpan(bar + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null;
    }

    private static string Short(string hash) => hash.Length > 16 ? hash[..16] + "…" : hash;

    private readonly record struct Item(int Index, AuditRecord Record, AuditEntry? Entry);
}
