namespace StreamPrivacy.Core.Redaction.Detection.Person;

/// <summary>Splits a text into the words the PERSON detector weighs, and answers questions about the gaps between them.</summary>
internal static class NameTokenizer
{
    /// <summary>ASCII capital letters.</summary>
    public static readonly System.Buffers.SearchValues<char> AsciiUpper = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    /// <summary>End of the word (letters joined by single apostrophes or hyphens) that starts at <paramref name="start"/>.</summary>
    public static int WordEnd(ReadOnlySpan<char> text, int start)
    {
        var i = start + 1;
        while (i < text.Length)
        {
            if (IsLetter(text[i]))
            {
                i++;
            }
            else if (text[i] is '\'' or '-' or '\u2019' && i + 1 < text.Length && IsLetter(text[i + 1]))
            {
                i += 2;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    /// <summary>
    /// Describes one word without its neighbours (the fast gate): a period before it is not taken as a sentence end,
    /// so a word is sentence-initial here only when it truly opens the text, a line or a sentence ended by '!', '?', ':'.
    /// </summary>
    public static NameToken DescribeAlone(ReadOnlySpan<char> text, int start, int end)
    {
        var token = Describe(text, start, end, default, hasPrevious: false);
        if (token.SentenceStart)
        {
            var i = start - 1;
            while (i >= 0 && text[i] is ' ' or '\t' or '"' or '\'' or '(' or '[' or '{' or '*' or '-' or '>')
            {
                i--;
            }

            token.SentenceStart = i < 0 || text[i] != '.';
        }

        return token;
    }

    /// <summary>
    /// Fills <see cref="PersonScanState.Tokens"/> with the words of <paramref name="text"/>; returns their count. Words
    /// inside <paramref name="entities"/> (other detectors' findings) are opaque: never names, not counted for letter case.
    /// </summary>
    public static int Tokenize(ReadOnlySpan<char> text, ReadOnlySpan<PiiMatch> entities, PersonScanState state)
    {
        var count = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            i = WordEnd(text, start); // O'Brien, Anne-Marie, I'm

            if (count == state.Tokens.Length)
            {
                Array.Resize(ref state.Tokens, count * 2);
            }

            state.Tokens[count++] = Describe(text, start, i, count > 1 ? state.Tokens[count - 2] : default, count > 1);
            if (!entities.IsEmpty && Overlaps(entities, start, i))
            {
                state.Tokens[count - 1].Glued = true;
            }
        }

        return count;
    }

    /// <summary>Whether [<paramref name="start"/>, <paramref name="end"/>) overlaps one of <paramref name="entities"/>.</summary>
    public static bool Overlaps(ReadOnlySpan<PiiMatch> entities, int start, int end)
    {
        foreach (var entity in entities)
        {
            // Other detectors' names (a NER model's) are the same kind of thing, not opaque.
            if (entity.Start < end && start < entity.End && !ReferenceEquals(entity.EntityType, EntityTypes.Person) && entity.EntityType != EntityTypes.Person)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How the text as a whole uses capitals; a <c>&lt;PERSON&gt;</c> token counts as the capitalised name it replaced.</summary>
    public static TextCase Classify(ReadOnlySpan<NameToken> tokens)
    {
        int lower = 0, capitalised = 0, upper = 0;
        foreach (var token in tokens)
        {
            if (token.PersonMarker)
            {
                capitalised++;
                continue;
            }

            if (token.Glued || token.Length < 2)
            {
                continue;
            }

            switch (token.Shape)
            {
                case TokenShape.Lower:
                    lower++;
                    break;
                case TokenShape.Title:
                    capitalised++;
                    break;
                case TokenShape.Upper:
                    upper++;
                    break;
            }
        }

        if (capitalised + upper == 0)
        {
            return TextCase.Lower;
        }

        if (lower == 0 && capitalised == 0)
        {
            return TextCase.Upper;
        }

        return capitalised + upper >= 4 && capitalised + upper >= 3 * lower ? TextCase.Headline : TextCase.Normal;
    }

    /// <summary>Whether two words are close enough to be one name: one space, or an initial's period and a space.</summary>
    public static bool IsJoinGap(ReadOnlySpan<char> text, in NameToken left, in NameToken right)
    {
        var gap = text[left.FullEnd..right.Start];
        if (gap.Length == 1)
        {
            return gap[0] == ' ';
        }

        return gap.Length == 2 && gap[0] == '.' && gap[1] == ' ' && left.Shape == TokenShape.Initial;
    }

    /// <summary>Whether [<paramref name="start"/>, <paramref name="end"/>) is all its line holds, apart from punctuation.</summary>
    public static bool IsOwnLine(ReadOnlySpan<char> text, int start, int end)
    {
        var before = text[..start];
        var lineStart = before.LastIndexOf('\n') + 1;
        if (lineStart == 0 || ContainsLetterOrDigit(before[lineStart..]))
        {
            return false; // the first line of a text is not a signature line
        }

        var after = text[end..];
        var lineEnd = after.IndexOf('\n');
        return !ContainsLetterOrDigit(lineEnd < 0 ? after : after[..lineEnd]);
    }

    /// <summary>The gap between the previous word (or the text start) and word <paramref name="index"/>.</summary>
    public static ReadOnlySpan<char> GapBefore(ReadOnlySpan<char> text, ReadOnlySpan<NameToken> tokens, int index) =>
        text[(index > 0 ? tokens[index - 1].FullEnd : 0)..tokens[index].Start];

    private static bool ContainsLetterOrDigit(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLetter(char c) => char.IsAsciiLetter(c) || (c >= 0x80 && char.IsLetter(c));

    private static NameToken Describe(ReadOnlySpan<char> text, int start, int end, in NameToken previous, bool hasPrevious)
    {
        var token = new NameToken { Start = start, End = end, FullEnd = end };
        var word = text[start..end];
        if (word.Length >= 4 && word[^2] is '\'' or '\u2019' && word[^1] is 's' or 'S')
        {
            token.End = end - 2;
            token.Possessive = true;
            word = word[..^2];
        }

        token.Shape = ShapeOf(word);
        var before = start > 0 ? text[start - 1] : ' ';
        var after = end < text.Length ? text[end] : ' ';
        if (before == '<' && after == '>')
        {
            token.PersonMarker = word.SequenceEqual(EntityTypes.Person);
            token.Glued = !token.PersonMarker;
        }
        else
        {
            token.Glued = IsGlue(before) || IsGlue(after)
                || (after == '-' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1])) // "POL-55156613", "TCK-759395"
                || (before == '-' && start >= 2 && char.IsAsciiDigit(text[start - 2]))
                || (before == '.' && start >= 2 && char.IsLetterOrDigit(text[start - 2]))
                || (after == '.' && end + 1 < text.Length && char.IsLetterOrDigit(text[end + 1]))
                || (after == ':' && end + 1 < text.Length && text[end + 1] == '/');
        }

        token.SentenceStart = IsSentenceStart(text, start, previous, hasPrevious);
        return token;
    }

    private static bool IsGlue(char c) => char.IsAsciiDigit(c) || c is '@' or '_' or '/' or '\\' or '#' or '=' or '+' or '~' or '$' or '%' or '&' or '|';

    private static TokenShape ShapeOf(ReadOnlySpan<char> word)
    {
        if (!char.IsUpper(word[0]))
        {
            foreach (var c in word)
            {
                if (char.IsUpper(c))
                {
                    return TokenShape.Mixed;
                }
            }

            return TokenShape.Lower;
        }

        if (word.Length == 1)
        {
            return TokenShape.Initial;
        }

        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return TokenShape.Title;
            }
        }

        return TokenShape.Upper;
    }

    /// <summary>True when nothing but opening punctuation separates the word from a sentence end, a line start or the text start.</summary>
    private static bool IsSentenceStart(ReadOnlySpan<char> text, int start, in NameToken previous, bool hasPrevious)
    {
        var i = start - 1;
        while (i >= 0 && text[i] is ' ' or '\t' or '"' or '\'' or '(' or '[' or '{' or '*' or '-' or '>' or '\u2022' or '\u00BF' or '\u00A1')
        {
            i--;
        }

        if (i < 0)
        {
            return true;
        }

        return text[i] switch
        {
            '\n' or '\r' or '!' or '?' or ':' or ';' => true,
            // A period after an honorific or an initial does not end a sentence ("Dr. Okafor", "J. Smith").
            '.' => !(hasPrevious && previous.FullEnd == i && (previous.Shape == TokenShape.Initial || IsAbbreviation(text[previous.Start..previous.End]))),
            _ => false,
        };
    }

    private static bool IsAbbreviation(ReadOnlySpan<char> word) => word.Length <= 5 && NameCuesLookup.IsTitle(word);
}
