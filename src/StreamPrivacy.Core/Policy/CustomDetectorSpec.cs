namespace StreamPrivacy.Core.Policy;

/// <summary>A policy-defined detector: a regex (with optional checksum) or a dictionary of terms.</summary>
/// <param name="EntityType">The entity type it reports, e.g. <c>EMPLOYEE_ID</c>.</param>
/// <param name="Pattern">Regex pattern (regex detectors).</param>
/// <param name="Checksum">Checksum applied to the digits of a regex match: none, luhn, mod97.</param>
/// <param name="Terms">Deny-list terms (dictionary detectors).</param>
/// <param name="CaseSensitive">Whether dictionary terms match case-sensitively.</param>
/// <param name="Score">Confidence reported for matches.</param>
public sealed record CustomDetectorSpec(
    string EntityType,
    string? Pattern,
    string Checksum,
    IReadOnlyList<string>? Terms,
    bool CaseSensitive,
    double Score);
