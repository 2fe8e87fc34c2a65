namespace StreamPrivacy.Core.Audit;

/// <summary>The result of verifying every chain of an audit log.</summary>
/// <param name="Chains">Per chain, in chain id order.</param>
/// <param name="Unattributed">Unreadable audit records whose chain is unknown.</param>
/// <param name="RecordsRead">Ledger records read (audit and other).</param>
public sealed record AuditReport(IReadOnlyList<AuditChainSummary> Chains, IReadOnlyList<AuditFailure> Unattributed, int RecordsRead)
{
    /// <summary>The first bad record in topic read order, or null when the log is intact.</summary>
    public AuditFailure? FirstFailure =>
        Chains.Select(c => c.Failure).Concat(Unattributed).Where(f => f is not null).MinBy(f => f!.Index);

    /// <summary>True when no chain has a bad record.</summary>
    public bool IsIntact => FirstFailure is null;
}
