namespace StreamPrivacy.Core.Redaction.Detection.Person;

/// <summary>One word of the name lexicon: its flags and, for common English words, SCOWL's frequency level (10 = most common, 0 = not a common word).</summary>
internal readonly record struct LexiconEntry(LexiconFlags Flags, byte CommonLevel)
{
    public bool Has(LexiconFlags flag) => (Flags & flag) != 0;

    public bool IsName => (Flags & (LexiconFlags.Given | LexiconFlags.Surname)) != 0;

    /// <summary>
    /// How common the word is as an ordinary English word, from 0 (not one) to 1 (among the most common). For
    /// a word that is also a name the scale falls faster: a name that SCOWL lists lowercase only in its larger
    /// sizes ("maria", "john", "tom") is used as an ordinary word far less often than as the name.
    /// </summary>
    public double Commonness => IsName
        ? CommonLevel switch
        {
            0 => 0,
            <= 10 => 1.0,
            <= 20 => 0.7,
            <= 35 => 0.3,
            <= 40 => 0.2,
            <= 50 => 0.1,
            _ => 0.05,
        }
        : CommonLevel switch
        {
            0 => 0,
            <= 10 => 1.0,
            <= 20 => 0.8,
            <= 35 => 0.6,
            <= 50 => 0.4,
            _ => 0.2,
        };
}
