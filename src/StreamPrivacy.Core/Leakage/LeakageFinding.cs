namespace StreamPrivacy.Core.Leakage;

/// <summary>One leakage condition observed in a window. Counts, paths and pseudonyms only; never values.</summary>
/// <param name="Kind">What was observed.</param>
/// <param name="Model">Model name (empty when not attributable, e.g. withheld records).</param>
/// <param name="Version">Model version.</param>
/// <param name="FieldPath">Field path (output field), or null.</param>
/// <param name="EntityType">Entity type for PII findings, or null.</param>
/// <param name="Client">Subject pseudonym for probing findings, or null.</param>
/// <param name="Count">Occurrences in the window (redactions, canary hits, queries, withheld records).</param>
/// <param name="Total">Events examined (of the model, or of the client), when known.</param>
/// <param name="Detail">Extra figure, e.g. the near-duplicate share for probing.</param>
public sealed record LeakageFinding(
    LeakageKind Kind,
    string Model,
    string Version,
    string? FieldPath,
    string? EntityType,
    string? Client,
    long Count,
    long? Total,
    double? Detail)
{
    /// <summary>Stable key shared by the raised and resolved alerts of this condition.</summary>
    public string DedupKey => string.Join('|', KindName(Kind), Model, Version, FieldPath ?? "-", EntityType ?? "-", Client ?? "-");

    /// <summary>Wire name of a kind.</summary>
    public static string KindName(LeakageKind kind) => kind switch
    {
        LeakageKind.PiiInModelOutput => "pii_in_model_output",
        LeakageKind.CanaryHit => "canary_hit",
        LeakageKind.Probing => "probing",
        LeakageKind.PostRedactionHit => "post_redaction_hit",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
