namespace StreamPrivacy.Core.Lineage;

/// <summary>The run facets a lineage event carries; each part is optional.</summary>
/// <param name="PrivacyBudget">Privacy spent by a release or a stage run.</param>
/// <param name="RedactionPolicy">The sanitize policy in force.</param>
/// <param name="RecordCounts">Records the stage handled so far.</param>
/// <param name="Error">For FAIL events: what went wrong (never record contents).</param>
public sealed record LineageRunFacets(
    PrivacyBudgetFacet? PrivacyBudget = null,
    RedactionPolicyFacet? RedactionPolicy = null,
    RecordCountsFacet? RecordCounts = null,
    ErrorFacet? Error = null);
