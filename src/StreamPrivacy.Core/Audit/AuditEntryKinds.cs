namespace StreamPrivacy.Core.Audit;

/// <summary>Wire names of <see cref="AuditEntryKind"/> (the <c>audit_kind</c> field of the ledger record).</summary>
public static class AuditEntryKinds
{
    /// <summary>The wire name of <paramref name="kind"/>.</summary>
    public static string Name(AuditEntryKind kind) => kind switch
    {
        AuditEntryKind.Release => "release",
        AuditEntryKind.BudgetCharge => "budget_charge",
        AuditEntryKind.PolicyLoad => "policy_load",
        AuditEntryKind.KeyRotation => "key_rotation",
        AuditEntryKind.ChainHead => "chain_head",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Parses a wire name; false for unknown names.</summary>
    public static bool TryParse(string? name, out AuditEntryKind kind)
    {
        foreach (var candidate in Enum.GetValues<AuditEntryKind>())
        {
            if (string.Equals(Name(candidate), name, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
