namespace StreamPrivacy.Core.Redaction.Detection.Person;

/// <summary>The words around a candidate name and the points they bring (<see cref="PersonEvidence"/>).</summary>
internal readonly struct NameContext
{
    private NameContext(ContextKind kind, double points)
    {
        Kind = kind;
        Points = points;
    }

    /// <summary>What kind of context precedes the name.</summary>
    public enum ContextKind : byte
    {
        None,
        Preposition,
        Weak,
        Its,
        Greeting,
        Signature,
        Label,
        Introduction,
        Title,
    }

    public ContextKind Kind { get; }

    public double Points { get; }

    /// <summary>
    /// Whether this context makes a word in no name list a name: an honorific, an introduction or a label
    /// always do; a greeting or sign-off does for a capitalised word in ordinary prose ("Hi Kwabena").
    /// </summary>
    public bool AllowsUnknownName(in NameToken first, TextCase textCase) => Kind switch
    {
        ContextKind.Title or ContextKind.Introduction or ContextKind.Label => true,
        ContextKind.Greeting or ContextKind.Signature => textCase != TextCase.Lower && first.Shape is TokenShape.Title or TokenShape.Upper,
        // "ask Uğurtan", "with Eunjeong": a capital inside a sentence after a word that points at a person; in chat
        // without capitals, "tell monis", "my wife junho", "its başay" (a word of four letters or more).
        ContextKind.Weak or ContextKind.Its => textCase == TextCase.Lower
            ? first.Length >= 4
            : textCase == TextCase.Normal && first.Shape == TokenShape.Title && !first.SentenceStart && Kind == ContextKind.Weak,
        _ => false,
    };

    /// <summary>The context before the name starting at word <paramref name="first"/>.</summary>
    public static NameContext Before(ReadOnlySpan<char> text, ReadOnlySpan<NameToken> tokens, int first, TextCase textCase, bool placeLike)
    {
        var gap = NameTokenizer.GapBefore(text, tokens, first);
        if (first == 0)
        {
            return IsSignatureDash(gap) ? new NameContext(ContextKind.Signature, PersonEvidence.Signature) : default;
        }

        var prev = tokens[first - 1];
        var prevWord = text[prev.Start..prev.End];
        var newline = gap.Contains('\n');
        var trimmed = gap.Trim(' ');
        NameContext context = default;
        if (!newline && prev.Entry.Has(LexiconFlags.Title) && (trimmed.IsEmpty || trimmed.SequenceEqual(".")) && prev.Shape != TokenShape.Lower | textCase != TextCase.Normal)
        {
            context = new NameContext(ContextKind.Title, PersonEvidence.AfterTitle);
        }
        else if (trimmed.SequenceEqual(":") && NameCuesLookup.IsLabel(prevWord))
        {
            context = new NameContext(ContextKind.Label, PersonEvidence.AfterLabel);
        }
        else if (gap.SequenceEqual(" ") && IsIntroduction(text, tokens, first - 1))
        {
            context = new NameContext(ContextKind.Introduction, PersonEvidence.AfterIntroduction);
        }
        else if (newline && (NameCuesLookup.IsSignOff(prevWord) || IsSignatureDash(gap[(gap.LastIndexOf('\n') + 1)..])))
        {
            context = new NameContext(ContextKind.Signature, PersonEvidence.Signature);
        }
        else if (!newline && (trimmed.IsEmpty || trimmed.SequenceEqual(",")) && IsGreeting(text, tokens, first - 1))
        {
            context = new NameContext(ContextKind.Greeting, PersonEvidence.AfterGreeting);
        }
        else if (gap.SequenceEqual(" ") && (prevWord.Equals("it's", StringComparison.OrdinalIgnoreCase) || prevWord.Equals("its", StringComparison.OrdinalIgnoreCase)))
        {
            context = new NameContext(ContextKind.Its, PersonEvidence.AfterIts);
        }
        else if (gap.SequenceEqual(" ")
            && ((prev.Entry.Has(LexiconFlags.WeakCue) && (prev.Shape == TokenShape.Lower || textCase != TextCase.Normal || prev.SentenceStart))
                || IsWeakPhrase(text, tokens, first - 1)))
        {
            context = new NameContext(ContextKind.Weak, PersonEvidence.AfterWeakCue);
        }
        else if (gap.SequenceEqual(" ") && prev.Entry.Has(LexiconFlags.PersonPreposition) && prev.Shape == TokenShape.Lower)
        {
            context = new NameContext(ContextKind.Preposition, PersonEvidence.AfterWeakCue);
        }

        var points = context.Points;
        if (IsTitleCasePhraseWord(prev, textCase) && gap.SequenceEqual(" "))
        {
            points += PersonEvidence.InTitleCasePhrase;
        }

        if (gap.TrimEnd(' ').EndsWith('>'))
        {
            points += PersonEvidence.MenuPath;
        }

        if (gap.SequenceEqual(" "))
        {
            if (placeLike && prev.Entry.Has(LexiconFlags.PlaceCue))
            {
                points += PersonEvidence.AfterPlaceCue;
            }

            if (prev.Entry.Has(LexiconFlags.AntiBefore) && !prev.Entry.IsName)
            {
                points += PersonEvidence.NextToOrganisationWord;
            }

            if (prev.Entry.Has(LexiconFlags.ThingVerb) && context.Kind != ContextKind.Weak)
            {
                points += PersonEvidence.AfterThingVerb;
            }
        }

        return new NameContext(context.Kind, points);
    }

    /// <summary>
    /// The points the words after the name [<paramref name="first"/>, <paramref name="last"/>] bring, and whether
    /// they mark a person strongly enough for a word in no list: a verb of speech or action ("Ertuncay said"),
    /// a possessive ("Günver's access") or a vocative ("Good catch, Musaffa.", "Julia? Are you there?").
    /// </summary>
    public static (double Points, bool MarksPerson) After(ReadOnlySpan<char> text, ReadOnlySpan<NameToken> tokens, int first, int last, TextCase textCase)
    {
        var possessive = tokens[last].Possessive;
        if (possessive && last + 1 < tokens.Length && tokens[last + 1].Entry.Has(LexiconFlags.Eponym))
        {
            return (PersonEvidence.NextToOrganisationWord, false); // Parkinson's disease, St. Patrick's Day
        }

        var points = possessive ? PersonEvidence.Possessive : 0;
        var marks = possessive;
        var end = tokens[last].FullEnd;
        if (IsVocative(text, tokens, first, end))
        {
            points += PersonEvidence.Vocative;
            marks = true;
        }

        if (last + 1 >= tokens.Length)
        {
            return (points, marks);
        }

        var next = tokens[last + 1];
        var gap = text[end..next.Start];
        if (gap.TrimStart(' ').StartsWith('>'))
        {
            points += PersonEvidence.MenuPath;
            marks = false;
        }

        if (gap.SequenceEqual(" ") && !possessive && IsTitleCasePhraseWord(next, textCase))
        {
            points += PersonEvidence.InTitleCasePhrase;
            marks = false;
        }

        if (gap.SequenceEqual(" ") || gap.SequenceEqual(", "))
        {
            if (next.Entry.Has(LexiconFlags.FollowingCue) && (next.Shape == TokenShape.Lower || textCase != TextCase.Normal))
            {
                points += PersonEvidence.BeforeVerb;
                marks = true;
            }

            // "Austin office" is a place, "John's account" a person's; "Cuba Street" too, though Street is also a family name.
            if (gap.Length == 1 && !possessive && next.Entry.Has(LexiconFlags.Anti) && (!next.Entry.IsName || next.Entry.CommonLevel is > 0 and <= 35))
            {
                points += PersonEvidence.NextToOrganisationWord;
                marks = false;
            }
        }

        return (points, marks);
    }

    /// <summary>
    /// An ordinary word capitalised inside a sentence of prose, not a cue and not a name: the words next to it are
    /// a Title Case label, heading or event rather than a person ("Save Changes", "Boxing Day", "Help Center").
    /// </summary>
    private static bool IsTitleCasePhraseWord(in NameToken token, TextCase textCase)
    {
        const LexiconFlags cues = LexiconFlags.Title | LexiconFlags.Cue | LexiconFlags.WeakCue | LexiconFlags.FollowingCue
            | LexiconFlags.FunctionWord | LexiconFlags.PlaceCue;
        var entry = token.Entry;
        return textCase == TextCase.Normal && token.Looked && token.Shape == TokenShape.Title && !token.SentenceStart
            && entry.CommonLevel is > 0 and <= 35 && !entry.IsName && (entry.Flags & cues) == 0;
    }

    /// <summary>
    /// A name said to someone: alone before "?" or "!" at the start of a sentence ("Julia? Are you still there?"),
    /// or after a comma at the end of one ("Good catch, Musaffa.", "Happy to help, Gilbert!").
    /// </summary>
    private static bool IsVocative(ReadOnlySpan<char> text, ReadOnlySpan<NameToken> tokens, int first, int end)
    {
        var after = end < text.Length ? text[end] : '\0';
        if (tokens[first].SentenceStart && after is '?' or '!')
        {
            return true;
        }

        var gap = NameTokenizer.GapBefore(text, tokens, first);
        if (!gap.SequenceEqual(", ") || first == 0)
        {
            return false;
        }

        return after is '.' or '!' or '?' or '\0' && (end + 1 >= text.Length || text[end + 1] is ' ' or '\n' or '"');
    }

    /// <summary>Whether the name [<paramref name="first"/>, <paramref name="last"/>] stands in a list next to a brand or product ("Jenkins and Ruby", "MongoDB or Redis").</summary>
    public static bool IsListedWithBrand(ReadOnlySpan<char> text, ReadOnlySpan<NameToken> tokens, int first, int last) =>
        IsBrandNeighbour(text, tokens, first, -1) || IsBrandNeighbour(text, tokens, last, +1);

    private static bool IsBrandNeighbour(ReadOnlySpan<char> text, ReadOnlySpan<NameToken> tokens, int edge, int direction)
    {
        var neighbour = edge + direction;
        if (neighbour < 0 || neighbour >= tokens.Length)
        {
            return false;
        }

        var (left, right) = direction < 0 ? (neighbour, edge) : (edge, neighbour);
        var gap = text[tokens[left].FullEnd..tokens[right].Start];
        if (gap.SequenceEqual(" ") && IsConjunction(text[tokens[neighbour].Start..tokens[neighbour].End]))
        {
            neighbour += direction;
            if (neighbour < 0 || neighbour >= tokens.Length)
            {
                return false;
            }
        }
        else if (!(gap.SequenceEqual(", ") || gap.SequenceEqual(" / ") || gap.SequenceEqual(" vs ") || gap.SequenceEqual(" vs. ")))
        {
            return false;
        }

        var entry = tokens[neighbour].Entry;
        return tokens[neighbour].Looked && entry.Has(LexiconFlags.Brand) && !entry.Has(LexiconFlags.PopularGiven)
            || (tokens[neighbour].Shape == TokenShape.Mixed && !tokens[neighbour].Glued); // MongoDB, iPhone, PostgreSQL
    }

    /// <summary>
    /// "Papadopoulos, Nikos" in a form or header: a single word opening a sentence, line or label value, then a comma
    /// and a confident name whose first word is a given name.
    /// </summary>
    public static bool IsFamilyNameFirst(ReadOnlySpan<char> text, ReadOnlySpan<NameToken> tokens, PersonScanState state, int candidate)
    {
        var span = state.Spans[candidate];
        if (span.First != span.Last || !tokens[span.First].SentenceStart || span.Last + 1 >= tokens.Length
            || !text[tokens[span.Last].FullEnd..tokens[span.Last + 1].Start].SequenceEqual(", ")
            || !tokens[span.Last + 1].Entry.Has(LexiconFlags.Given))
        {
            return false;
        }

        for (var s = 0; s < state.SpanCount; s++)
        {
            if (state.Spans[s].First == span.Last + 1 && state.Spans[s].IsConfident)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether span <paramref name="candidate"/> stands in a list ("A, B and C") next to a confident name or a redacted one.</summary>
    public static bool IsListedWithName(ReadOnlySpan<char> text, ReadOnlySpan<NameToken> tokens, PersonScanState state, int candidate)
    {
        var span = state.Spans[candidate];
        return IsNameNeighbour(text, tokens, state, span.First, -1) || IsNameNeighbour(text, tokens, state, span.Last, +1);
    }

    private static bool IsNameNeighbour(ReadOnlySpan<char> text, ReadOnlySpan<NameToken> tokens, PersonScanState state, int edge, int direction)
    {
        var neighbour = edge + direction;
        if (neighbour < 0 || neighbour >= tokens.Length)
        {
            return false;
        }

        var (left, right) = direction < 0 ? (neighbour, edge) : (edge, neighbour);
        var gap = text[tokens[left].FullEnd..tokens[right].Start];
        if (gap.SequenceEqual(", ") || gap.SequenceEqual(" & ") || gap.SequenceEqual(" / ") || gap.SequenceEqual(",") || gap.SequenceEqual("; ")
            || gap.SequenceEqual(" + "))
        {
            return IsConfidentName(tokens, state, neighbour, direction);
        }

        if (!gap.SequenceEqual(" ") || !IsConjunction(text[tokens[neighbour].Start..tokens[neighbour].End]))
        {
            return false;
        }

        var beyond = neighbour + direction;
        if (beyond < 0 || beyond >= tokens.Length)
        {
            return false;
        }

        var (l2, r2) = direction < 0 ? (beyond, neighbour) : (neighbour, beyond);
        var gap2 = text[tokens[l2].FullEnd..tokens[r2].Start];
        return (gap2.SequenceEqual(" ") || gap2.SequenceEqual(", ")) && IsConfidentName(tokens, state, beyond, direction);
    }

    private static bool IsConfidentName(ReadOnlySpan<NameToken> tokens, PersonScanState state, int index, int direction)
    {
        if (tokens[index].PersonMarker)
        {
            return true;
        }

        for (var s = 0; s < state.SpanCount; s++)
        {
            var span = state.Spans[s];
            if ((direction < 0 ? span.Last : span.First) == index && span.IsConfident)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsConjunction(ReadOnlySpan<char> word) =>
        word.Equals("and", StringComparison.OrdinalIgnoreCase) || word.Equals("or", StringComparison.OrdinalIgnoreCase)
        || word.Equals("und", StringComparison.OrdinalIgnoreCase) || word.Equals("et", StringComparison.OrdinalIgnoreCase)
        || word.Equals("y", StringComparison.OrdinalIgnoreCase) || word.Equals("e", StringComparison.OrdinalIgnoreCase)
        || word.Equals("plus", StringComparison.OrdinalIgnoreCase);

    /// <summary>"I'm", "named", "my name is", "I am", "this is", "call me", "known as" ending at word <paramref name="index"/>.</summary>
    private static bool IsIntroduction(ReadOnlySpan<char> text, ReadOnlySpan<NameToken> tokens, int index)
    {
        var word = text[tokens[index].Start..tokens[index].End];
        if (NameCuesLookup.IsIntroduction(word))
        {
            return true;
        }

        if (index == 0 || !text[tokens[index - 1].FullEnd..tokens[index].Start].SequenceEqual(" "))
        {
            return false;
        }

        var before = text[tokens[index - 1].Start..tokens[index - 1].End];
        return (word.Equals("is", StringComparison.OrdinalIgnoreCase) && (before.Equals("name", StringComparison.OrdinalIgnoreCase) || before.Equals("this", StringComparison.OrdinalIgnoreCase)))
            || (word.Equals("am", StringComparison.OrdinalIgnoreCase) && before.Equals("i", StringComparison.OrdinalIgnoreCase))
            || (word.Equals("me", StringComparison.OrdinalIgnoreCase) && before.Equals("call", StringComparison.OrdinalIgnoreCase))
            || (word.Equals("as", StringComparison.OrdinalIgnoreCase) && before.Equals("known", StringComparison.OrdinalIgnoreCase))
            || (word.Equals("here", StringComparison.OrdinalIgnoreCase) && before.Equals("it's", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Two-word pointers at a person ending at word <paramref name="index"/>: "according to", "me and", "you and", "thanks to", "talk to", "reply to", "spoke to", "sent to", "assigned to".</summary>
    private static bool IsWeakPhrase(ReadOnlySpan<char> text, ReadOnlySpan<NameToken> tokens, int index)
    {
        if (index == 0 || !text[tokens[index - 1].FullEnd..tokens[index].Start].SequenceEqual(" "))
        {
            return false;
        }

        var word = text[tokens[index].Start..tokens[index].End];
        var before = text[tokens[index - 1].Start..tokens[index - 1].End];
        if (word.Equals("and", StringComparison.OrdinalIgnoreCase))
        {
            return before.Equals("me", StringComparison.OrdinalIgnoreCase) || before.Equals("you", StringComparison.OrdinalIgnoreCase)
                || before.Equals("i", StringComparison.OrdinalIgnoreCase) || before.Equals("him", StringComparison.OrdinalIgnoreCase)
                || before.Equals("her", StringComparison.OrdinalIgnoreCase);
        }

        return word.Equals("to", StringComparison.OrdinalIgnoreCase)
            && (before.Equals("according", StringComparison.OrdinalIgnoreCase) || before.Equals("thanks", StringComparison.OrdinalIgnoreCase)
                || before.Equals("talk", StringComparison.OrdinalIgnoreCase) || before.Equals("reply", StringComparison.OrdinalIgnoreCase)
                || before.Equals("spoke", StringComparison.OrdinalIgnoreCase) || before.Equals("talked", StringComparison.OrdinalIgnoreCase)
                || before.Equals("sent", StringComparison.OrdinalIgnoreCase) || before.Equals("assigned", StringComparison.OrdinalIgnoreCase)
                || before.Equals("forwarded", StringComparison.OrdinalIgnoreCase) || before.Equals("introduce", StringComparison.OrdinalIgnoreCase)
                || before.Equals("married", StringComparison.OrdinalIgnoreCase) || before.Equals("belongs", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A greeting, thanks or sign-off word ending at word <paramref name="index"/> ("Hi", "Dear", "thank you").</summary>
    private static bool IsGreeting(ReadOnlySpan<char> text, ReadOnlySpan<NameToken> tokens, int index)
    {
        if (tokens[index].Entry.Has(LexiconFlags.Cue))
        {
            return true;
        }

        var word = text[tokens[index].Start..tokens[index].End];
        return word.Equals("you", StringComparison.OrdinalIgnoreCase) && index > 0
            && text[tokens[index - 1].Start..tokens[index - 1].End].Equals("thank", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A signature dash at a line start: "- Anne", "-- Wei" (en and em dashes are '-' in the scanner's view).</summary>
    private static bool IsSignatureDash(ReadOnlySpan<char> gap)
    {
        var trimmed = gap.Trim(' ');
        return trimmed.Length is >= 1 and <= 3 && !trimmed.ContainsAnyExcept('-');
    }
}
