using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Core.Audit;

/// <summary>
/// The writing end of one audit chain: numbers entries, links each to the previous one by hash and
/// adds a signed <see cref="AuditEntryKind.ChainHead"/> every <see cref="HeadEvery"/> entries and on
/// <see cref="Close"/>. Not thread-safe: one writer per chain.
/// </summary>
/// <remarks>
/// Exactly one live writer may own a chain id. Two writers appending to one chain fork it, and the
/// verifier reports the fork as an insertion. A writer that restarts continues its chain from the last
/// entry found in the ledger (<see cref="AuditChain(string, SecretKey, int, AuditEntry?)"/>).
/// </remarks>
public sealed class AuditChain
{
    /// <summary>Default number of entries between signed heads.</summary>
    public const int DefaultHeadEvery = 64;

    private readonly SecretKey _auditKey;
    private int _sinceHead;

    /// <summary>Starts chain <paramref name="chainId"/>, or continues it after <paramref name="last"/>.</summary>
    public AuditChain(string chainId, SecretKey auditKey, int headEvery = DefaultHeadEvery, AuditEntry? last = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chainId);
        ArgumentNullException.ThrowIfNull(auditKey);
        ArgumentOutOfRangeException.ThrowIfLessThan(headEvery, 1);
        if (chainId.Contains('|', StringComparison.Ordinal))
        {
            throw new ArgumentException("a chain id must not contain '|'", nameof(chainId));
        }

        ChainId = chainId;
        _auditKey = auditKey;
        HeadEvery = headEvery;
        if (last is not null)
        {
            if (!string.Equals(last.Chain, chainId, StringComparison.Ordinal))
            {
                throw new ArgumentException("the last entry belongs to another chain", nameof(last));
            }

            NextSequence = last.Sequence + 1;
            LastHash = last.Hash;
            IsClosed = last.Kind == AuditEntryKind.ChainHead && last.Subject.Outcome == AuditHeads.Closing;
            _sinceHead = last.Kind == AuditEntryKind.ChainHead ? 0 : 1;
        }
    }

    /// <summary>The chain id.</summary>
    public string ChainId { get; }

    /// <summary>Entries between periodic signed heads.</summary>
    public int HeadEvery { get; }

    /// <summary>Sequence of the next entry.</summary>
    public long NextSequence { get; private set; }

    /// <summary>Hash of the last entry (<see cref="AuditHash.Genesis"/> before the first).</summary>
    public string LastHash { get; private set; } = AuditHash.Genesis;

    /// <summary>True when the last entry is a closing head.</summary>
    public bool IsClosed { get; private set; }

    /// <summary>True when entries were appended since the last head.</summary>
    public bool HasUnsignedEntries => _sinceHead > 0;

    /// <summary>
    /// Appends an entry; returns it, followed by a periodic signed head when one is due.
    /// </summary>
    public IReadOnlyList<AuditEntry> Append(AuditEntryKind kind, AuditSubject subject, DateTimeOffset now)
    {
        if (kind == AuditEntryKind.ChainHead)
        {
            throw new ArgumentException("heads are written by Seal and Close", nameof(kind));
        }

        var entry = Next(kind, subject, null, now);
        _sinceHead++;
        return _sinceHead >= HeadEvery ? [entry, Seal(now)] : [entry];
    }

    /// <summary>Appends a periodic signed head over the entries so far.</summary>
    public AuditEntry Seal(DateTimeOffset now) => Head(AuditHeads.Periodic, now);

    /// <summary>Appends a closing signed head (graceful stop).</summary>
    public AuditEntry Close(DateTimeOffset now)
    {
        var head = Head(AuditHeads.Closing, now);
        IsClosed = true;
        return head;
    }

    private AuditEntry Head(string outcome, DateTimeOffset now)
    {
        var signature = AuditHash.SignHead(_auditKey, ChainId, NextSequence, LastHash);
        var subject = new AuditSubject { KeyName = KeyNames.Audit, KeyId = _auditKey.KeyId, Outcome = outcome };
        var head = Next(AuditEntryKind.ChainHead, subject, signature, now);
        _sinceHead = 0;
        return head;
    }

    private AuditEntry Next(AuditEntryKind kind, AuditSubject subject, string? signature, DateTimeOffset now)
    {
        var draft = new AuditEntry
        {
            Chain = ChainId,
            Sequence = NextSequence,
            Kind = kind,
            RecordedAt = now,
            Subject = subject,
            HeadSignature = signature,
            PrevHash = LastHash,
            Hash = string.Empty,
        };
        var entry = draft with { Hash = AuditHash.Compute(draft) };
        NextSequence++;
        LastHash = entry.Hash;
        IsClosed = false;
        return entry;
    }
}
