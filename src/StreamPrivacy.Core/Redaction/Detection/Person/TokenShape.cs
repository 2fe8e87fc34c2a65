namespace StreamPrivacy.Core.Redaction.Detection.Person;

/// <summary>The letter case pattern of a word.</summary>
internal enum TokenShape : byte
{
    /// <summary>all lowercase</summary>
    Lower,

    /// <summary>Capitalised, with lowercase letters after the first (Maria, McDonald, O'Brien).</summary>
    Title,

    /// <summary>ALL CAPITALS, two letters or more.</summary>
    Upper,

    /// <summary>A single capital letter (an initial, or "I").</summary>
    Initial,

    /// <summary>Starts lowercase with capitals inside (iPhone, eBay): a product or identifier.</summary>
    Mixed,
}
