namespace StreamPrivacy.Core.Audit;

/// <summary>
/// One entry of an append-only audit hash chain. <see cref="Hash"/> is
/// <see cref="AuditHash.Compute"/> over every other field, including <see cref="PrevHash"/>, the hash
/// of the entry before it in the same chain (64 zeros for sequence 0).
/// </summary>
/// <remarks>
/// The hash chain alone detects accidental corruption and edits by someone who does not rewrite every
/// later entry; SHA-256 is keyless, so the authenticity of a prefix of the chain comes from the next
/// <see cref="AuditEntryKind.ChainHead"/> entry, whose <see cref="HeadSignature"/> is an HMAC with the
/// audit key over the hash of the entry before it.
/// </remarks>
public sealed record AuditEntry
{
    /// <summary>The chain (one per writer, e.g. <c>release/{instance id}</c>).</summary>
    public required string Chain { get; init; }

    /// <summary>Position in the chain, from 0.</summary>
    public required long Sequence { get; init; }

    /// <summary>What the entry records.</summary>
    public required AuditEntryKind Kind { get; init; }

    /// <summary>Wall-clock time of the entry (UTC).</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>What the entry is about.</summary>
    public AuditSubject Subject { get; init; } = AuditSubject.None;

    /// <summary>Chain heads: hex HMAC-SHA256 with the audit key (see <see cref="AuditHash.SignHead"/>).</summary>
    public string? HeadSignature { get; init; }

    /// <summary>Hex SHA-256 of the previous entry of the chain; 64 zeros for sequence 0.</summary>
    public required string PrevHash { get; init; }

    /// <summary>Hex SHA-256 of this entry (<see cref="AuditHash.Compute"/>).</summary>
    public required string Hash { get; init; }

    /// <summary>The ledger record key: <c>audit|{chain}|{sequence:D12}</c>, unique so compaction keeps every entry.</summary>
    public string RecordKey => AuditHash.RecordKey(Chain, Sequence);
}
