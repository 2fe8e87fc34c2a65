namespace StreamPrivacy.Core.Audit;

/// <summary>Why a record breaks the audit log.</summary>
public enum AuditFailureReason
{
    /// <summary>The entry's content does not match its hash, or its record key does not match its content.</summary>
    Modified,

    /// <summary>A second, different entry for a sequence number already seen.</summary>
    Inserted,

    /// <summary>A sequence gap: one or more entries are missing.</summary>
    Deleted,

    /// <summary>An entry appears before one with a lower sequence number.</summary>
    Reordered,

    /// <summary>prev_hash does not match the previous entry (an entry was altered and re-hashed, replaced, or removed with renumbering).</summary>
    BrokenLink,

    /// <summary>A chain head whose HMAC does not verify with the audit key.</summary>
    BadHeadSignature,

    /// <summary>An audit record that cannot be parsed.</summary>
    Unreadable,

    /// <summary>The chain does not end with a closing head (only when closed chains are required).</summary>
    Truncated,
}
