namespace StreamPrivacy.Core.Audit;

/// <summary>Outcomes of chain heads.</summary>
public static class AuditHeads
{
    /// <summary>A head written every N entries while the writer runs.</summary>
    public const string Periodic = "periodic";

    /// <summary>The head written at a graceful stop: the chain is complete up to here.</summary>
    public const string Closing = "closing";
}
