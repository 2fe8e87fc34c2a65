namespace StreamPrivacy.Core.Redaction.Offline;

/// <summary>How one input line was handled.</summary>
internal enum LineKind
{
    Written,
    Blank,
    NoConsent,
    Invalid,
    Withheld,
}
