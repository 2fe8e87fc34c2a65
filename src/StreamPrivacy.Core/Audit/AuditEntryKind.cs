namespace StreamPrivacy.Core.Audit;

/// <summary>What an audit entry records.</summary>
public enum AuditEntryKind
{
    /// <summary>A DP release was made (release id, ε/ρ charged).</summary>
    Release,

    /// <summary>A privacy-budget decision: a charge or a refusal (outcome field).</summary>
    BudgetCharge,

    /// <summary>A sanitize policy was loaded (version and SHA-256 of the policy text).</summary>
    PolicyLoad,

    /// <summary>A key in use at start (key name and key id, never key material).</summary>
    KeyRotation,

    /// <summary>A signed chain head: HMAC over the chain id, sequence and hash of the entry before it.</summary>
    ChainHead,
}
