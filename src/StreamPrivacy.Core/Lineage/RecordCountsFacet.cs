namespace StreamPrivacy.Core.Lineage;

/// <summary>Custom run facet <c>streamprivacy_record_counts</c>.</summary>
/// <param name="Consumed">Records consumed.</param>
/// <param name="Produced">Records produced.</param>
/// <param name="Dropped">Records dropped by policy (consent, late, bound).</param>
/// <param name="Rejected">Records rejected as bad input (dead-lettered).</param>
public sealed record RecordCountsFacet(long Consumed, long Produced, long Dropped, long Rejected);
