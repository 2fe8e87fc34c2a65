namespace StreamPrivacy.Core.Redaction.Detection.Person;

/// <summary>
/// The whole-value test for a field whose key names a person (<c>name</c>, <c>first_name</c>,
/// <c>customer</c>, …: <see cref="FieldHint.Person"/>): a value of one to five words made of letters,
/// apostrophes, hyphens and periods (an optional "Family, Given" comma) is the name, whether or not the
/// name lists know it — unless every word is an ordinary English word that is not also a given name
/// ("Fraud Detector", "gold", "credit-risk"), which a model, tier or product name under such a key often is.
/// </summary>
internal static class PersonNameShape
{
    private const int MaxWords = 5;
    private const int MaxLength = 80;
    private const double Score = 0.85;

    /// <summary>The whole (trimmed) value as a PERSON match, or null when it is not shaped like a name.</summary>
    public static PiiMatch? WholeValueMatch(ReadOnlySpan<char> text) => WholeValueMatch(text, NameLexicon.Shared);

    internal static PiiMatch? WholeValueMatch(ReadOnlySpan<char> text, NameLexicon lexicon)
    {
        var (start, end) = DetectionText.Trimmed(text);

        var value = text[start..end];
        if (value.IsEmpty || value.Length > MaxLength)
        {
            return null;
        }

        int words = 0, commas = 0;
        var anyNameLike = false;
        var i = 0;
        while (i < value.Length)
        {
            var c = value[i];
            if (c is ' ' or '.')
            {
                i++;
                continue;
            }

            if (c == ',')
            {
                if (++commas > 1)
                {
                    return null;
                }

                i++;
                continue;
            }

            if (!char.IsLetter(c))
            {
                return null;
            }

            var wordStart = i;
            while (i < value.Length && (char.IsLetter(value[i]) || (value[i] is '\'' or '-' && i + 1 < value.Length && char.IsLetter(value[i + 1]))))
            {
                i++;
            }

            if (i < value.Length && value[i] is not (' ' or '.' or ','))
            {
                return null;
            }

            if (++words > MaxWords)
            {
                return null;
            }

            anyNameLike |= IsNameLike(value[wordStart..i], lexicon);
        }

        return words > 0 && anyNameLike ? new PiiMatch(start, end - start, EntityTypes.Person, Score) : null;
    }

    /// <summary>A given name, or a word that is not an everyday English word (family names, names of other cultures); hyphenated words by their parts.</summary>
    private static bool IsNameLike(ReadOnlySpan<char> word, NameLexicon lexicon)
    {
        foreach (var range in word.Split('-'))
        {
            var part = lexicon.Find(word[range]);
            if (part.Has(LexiconFlags.Given) || ((part.CommonLevel == 0 || part.CommonLevel > 50) && !part.Has(LexiconFlags.NonName)))
            {
                return true;
            }
        }

        return false;
    }
}
