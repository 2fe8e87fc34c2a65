namespace StreamPrivacy.Core.Redaction.Operators;

/// <summary>How a <see cref="GeneralizeOperator"/> coarsens a value.</summary>
/// <remarks>Each mode keeps strictly less information than the value; unparseable input becomes <c>&lt;ENTITY_TYPE&gt;</c>.</remarks>
public enum GeneralizeMode
{
    /// <summary>A number becomes its half-open bucket, e.g. 34 with width 10 → <c>[30,40)</c>.</summary>
    NumericBucket,

    /// <summary>An ISO-8601 date or timestamp is truncated to a <see cref="DateTruncateUnit"/>.</summary>
    DateTruncate,

    /// <summary>A postcode keeps its first N letters and digits, e.g. <c>SW1A 1AA</c> → <c>SW1A</c>.</summary>
    PostcodeTruncate,
}
