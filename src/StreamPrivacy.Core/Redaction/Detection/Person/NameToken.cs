namespace StreamPrivacy.Core.Redaction.Detection.Person;

/// <summary>A word of the scanned text, as the PERSON detector sees it.</summary>
internal struct NameToken
{
    /// <summary>First character.</summary>
    public int Start;

    /// <summary>End of the word, possessive "'s" excluded.</summary>
    public int End;

    /// <summary>End including a possessive "'s".</summary>
    public int FullEnd;

    public TokenShape Shape;

    /// <summary>First word of a sentence, line or text: its capital letter says nothing.</summary>
    public bool SentenceStart;

    /// <summary>Glued to digits, '@', '_', '/' or a dotted name: part of an identifier, address or path, never a name.</summary>
    public bool Glued;

    /// <summary>A redaction token <c>&lt;PERSON&gt;</c> left by an earlier pass: a name for list and context purposes.</summary>
    public bool PersonMarker;

    public bool Possessive;

    public LexiconEntry Entry;

    /// <summary>For a word in no list: points its shape brings (romanised East Asian syllables, non-ASCII Latin letters).</summary>
    public double UnknownShapePoints;

    /// <summary>Whether <see cref="Entry"/> has been looked up (words are looked up only where a name could be).</summary>
    public bool Looked;

    public readonly int Length => End - Start;
}
