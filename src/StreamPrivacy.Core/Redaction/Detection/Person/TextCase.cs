namespace StreamPrivacy.Core.Redaction.Detection.Person;

/// <summary>How a whole text uses letter case, which decides what a capital letter means in it.</summary>
internal enum TextCase : byte
{
    /// <summary>Ordinary prose: a capital inside a sentence marks a proper noun.</summary>
    Normal,

    /// <summary>No capitals at all (chat): names are found by lexicon and context alone.</summary>
    Lower,

    /// <summary>No lowercase words (shouting, headers): every word is capitalised, none is informative.</summary>
    Upper,

    /// <summary>Headline Style: most words capitalised, so a capital says little.</summary>
    Headline,
}
