namespace StreamPrivacy.Core.Policy;

/// <summary>How data minimisation treats fields the policy does not mention.</summary>
public enum MinimizationMode
{
    /// <summary>Deny by default: only allowlisted fields (and their subtrees) survive.</summary>
    Allowlist,

    /// <summary>Keep every field; field rules and free-text scanning still apply.</summary>
    Off,
}
