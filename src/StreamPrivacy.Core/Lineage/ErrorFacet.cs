namespace StreamPrivacy.Core.Lineage;

/// <summary>The standard <c>errorMessage</c> run facet.</summary>
/// <param name="Message">Exception type and message (our own messages never contain record values).</param>
public sealed record ErrorFacet(string Message);
