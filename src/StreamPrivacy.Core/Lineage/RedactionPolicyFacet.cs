namespace StreamPrivacy.Core.Lineage;

/// <summary>Custom run facet <c>streamprivacy_redaction_policy</c>.</summary>
/// <param name="Version">Policy version.</param>
/// <param name="Hash">SHA-256 of the policy text, <c>sha256:</c> + hex.</param>
public sealed record RedactionPolicyFacet(string Version, string Hash);
