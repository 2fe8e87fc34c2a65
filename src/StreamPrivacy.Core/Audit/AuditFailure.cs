namespace StreamPrivacy.Core.Audit;

/// <summary>The first bad record of a chain (or of the log).</summary>
/// <param name="Chain">Chain id, when known.</param>
/// <param name="Sequence">Sequence of the bad entry (truncation: the first missing one), when known.</param>
/// <param name="Position">Where the record sits in the topic.</param>
/// <param name="Index">Index of the record in read order (orders failures across chains).</param>
/// <param name="Reason">What is wrong.</param>
/// <param name="Detail">Explanation with ids and hashes only, never payload values.</param>
public sealed record AuditFailure(string? Chain, long? Sequence, AuditPosition Position, int Index, AuditFailureReason Reason, string Detail)
{
    /// <summary>The reason's wire name, e.g. <c>bad_head_signature</c>.</summary>
    public string ReasonName => Reason switch
    {
        AuditFailureReason.BadHeadSignature => "bad_head_signature",
        AuditFailureReason.BrokenLink => "broken_link",
        _ => Reason.ToString().ToLowerInvariant(),
    };
}
