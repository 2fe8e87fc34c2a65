namespace StreamPrivacy.Core.Redaction.Operators;

/// <summary>The finest date/time component a <see cref="GeneralizeMode.DateTruncate"/> generalizer keeps.</summary>
/// <remarks>Everything finer (and any time-zone offset) is removed.</remarks>
public enum DateTruncateUnit
{
    /// <summary><c>2026</c>.</summary>
    Year,

    /// <summary><c>2026-11</c>.</summary>
    Month,

    /// <summary><c>2026-11-20</c>.</summary>
    Day,

    /// <summary><c>2026-11-20T10</c>.</summary>
    Hour,
}
