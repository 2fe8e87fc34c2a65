namespace StreamPrivacy.Core.Redaction.Detection.Person;

/// <summary>
/// Finds people's names in free text without a statistical model, by adding up explainable signals
/// (<see cref="PersonEvidence"/>): given-name and family-name lists of many cultures, how common the word
/// is as an ordinary English word, whether its capital letter means anything where it stands (inside a
/// sentence of ordinary prose, or not), honorifics, introductions, greetings and sign-offs before it,
/// verbs and possessives after it, place and organisation words around it, and — in a second pass —
/// repeated mentions and lists of names already found. Works in ordinary, ALL-CAPS and all-lowercase
/// text; hyphenated and apostrophe names (Anne-Marie, O'Brien) are single words; particles (van, de, bin)
/// and initials join a name. Reports the name without a possessive "'s".
/// </summary>
/// <remarks>
/// Thread-safe. The text it receives is the scanner's normalised view (typographic apostrophes and dashes
/// already ASCII). Words glued to digits, '@', '_', '/' or dots are parts of identifiers and never names.
/// </remarks>
public sealed class PersonDetector : IContextualPiiDetector
{
    private const int MaxSpanWords = 5;

    [ThreadStatic]
    private static PersonScanState? t_state;

    private readonly NameLexicon? _ownLexicon;

    /// <summary>
    /// Creates a detector over the shipped name lists. They start loading in the background now (a few hundred
    /// thousand words); the first <see cref="Detect(ReadOnlySpan{char}, List{PiiMatch})"/> waits for them if needed.
    /// </summary>
    public PersonDetector() => NameLexicon.Preload();

    internal PersonDetector(NameLexicon lexicon) => _ownLexicon = lexicon;

    private NameLexicon Lexicon => _ownLexicon ?? NameLexicon.Shared;

    /// <inheritdoc />
    public string EntityType => EntityTypes.Person;

    /// <inheritdoc />
    public void Detect(ReadOnlySpan<char> text, List<PiiMatch> results) => Detect(text, [], results);

    /// <inheritdoc />
    public void Detect(ReadOnlySpan<char> text, ReadOnlySpan<PiiMatch> entities, List<PiiMatch> results)
    {
        if (text.Length < 2)
        {
            return;
        }

        if (text.Contains('@'))
        {
            FindHandles(text, entities, results);
        }

        if (!HasNameCandidate(text, entities))
        {
            return;
        }

        var state = t_state ??= new PersonScanState();
        var count = NameTokenizer.Tokenize(text, entities, state);
        if (count == 0)
        {
            return;
        }

        var tokens = state.Tokens.AsSpan(0, count);
        var textCase = NameTokenizer.Classify(tokens);
        if (!MayHoldName(tokens, textCase))
        {
            return;
        }

        state.SpanCount = 0;
        var k = 0;
        while (k < tokens.Length)
        {
            // Words are looked up only where a name can start, and then with the words around them.
            if (!MayStartName(tokens[k], textCase))
            {
                k++;
                continue;
            }

            Ensure(text, tokens, k);
            if (!CanBePart(tokens[k], textCase) || IsParticle(tokens[k], textCase) || IsLeadingCue(tokens[k], textCase))
            {
                k++;
                continue;
            }

            for (var before = Math.Max(0, k - 2); before < k; before++)
            {
                Ensure(text, tokens, before);
            }

            var last = Extend(text, tokens, k, textCase);
            for (var after = last + 1; after < Math.Min(tokens.Length, last + 3); after++)
            {
                Ensure(text, tokens, after);
            }

            Evaluate(text, tokens, k, last, textCase, state);
            k = last + 1;
        }

        if (state.SpanCount == 0)
        {
            return;
        }

        Reconsider(text, tokens, state);
        for (var s = 0; s < state.SpanCount; s++)
        {
            ref readonly var span = ref state.Spans[s];
            var score = PersonEvidence.Score(span.Points);
            if (score >= PersonEvidence.Floor && (!span.Unseeded || span.Lifted))
            {
                var start = tokens[span.First].Start;
                results.Add(new PiiMatch(start, tokens[span.Last].End - start, EntityType, score));
            }
        }
    }

    /// <summary>The candidate spans of <paramref name="text"/> with their points (for tests and tuning): every span, reported or not.</summary>
    internal IReadOnlyList<(string Words, double Points, bool Unseeded, bool Lifted)> Explain(string text)
    {
        var results = new List<PiiMatch>();
        Detect(text, results);
        var state = t_state!;
        var list = new List<(string, double, bool, bool)>();
        for (var s = 0; s < state.SpanCount; s++)
        {
            var span = state.Spans[s];
            list.Add((text[state.Tokens[span.First].Start..state.Tokens[span.Last].End], span.Points, span.Unseeded, span.Lifted));
        }

        return list;
    }

    /// <summary>
    /// Chat mentions of people ("thanks @naoki", "cc @aster.haileselassie"): an '@' that does not continue a word
    /// (so not an e-mail address), then a handle of letters, digits, '.', '_' or '-' one of whose parts is a given
    /// or family name that is not an everyday word. Group mentions (@here, @channel, @support) are not people.
    /// </summary>
    private void FindHandles(ReadOnlySpan<char> text, ReadOnlySpan<PiiMatch> entities, List<PiiMatch> results)
    {
        const int MaxHandle = 40;
        var from = 0;
        while (from < text.Length && text[from..].IndexOf('@') is var rel and >= 0)
        {
            var at = from + rel;
            from = at + 1;
            if (at > 0 && (char.IsLetterOrDigit(text[at - 1]) || text[at - 1] is '.' or '_' or '-' or '+'))
            {
                continue; // the local part of an e-mail address
            }

            var end = at + 1;
            while (end < text.Length && end - at <= MaxHandle && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '.' or '_' or '-'))
            {
                end++;
            }

            while (end > at + 1 && text[end - 1] is '.' or '-' or '_')
            {
                end--; // sentence punctuation after the handle
            }

            if (end - at < 3 || (end < text.Length && text[end] == '@') || NameTokenizer.Overlaps(entities, at, end))
            {
                continue;
            }

            var handle = text[(at + 1)..end];
            foreach (var part in handle.SplitAny('.', '_', '-'))
            {
                var word = handle[part];
                if (word.Length < 3 || word.ContainsAnyInRange('0', '9'))
                {
                    continue;
                }

                var entry = Lexicon.Find(word);
                if (entry.IsName && entry.CommonLevel is 0 or > 35 && !entry.Has(LexiconFlags.NonName) && !entry.Has(LexiconFlags.FunctionWord))
                {
                    results.Add(new PiiMatch(at + 1, handle.Length, EntityType, PersonEvidence.Score(PersonEvidence.Midpoint + PersonEvidence.Handle)));
                    break;
                }
            }
        }
    }

    /// <summary>
    /// The fast gate for ordinary ASCII prose, which most scanned strings are: only a capitalised word can start a
    /// name there, so the text needs the full analysis only if some capitalised word could be part of a name
    /// (<see cref="CanBePart"/>) and is not a sentence-opening cue or ordinary word (<see cref="IsLeadingCue"/>).
    /// Conservative: a period never counts as a sentence end here, so the gate skips no less than the full path would.
    /// Text without capitals (chat) and text with non-ASCII letters always take the full path.
    /// </summary>
    private bool HasNameCandidate(ReadOnlySpan<char> text, ReadOnlySpan<PiiMatch> entities)
    {
        if (!System.Text.Ascii.IsValid(text))
        {
            return true;
        }

        var position = text.IndexOfAny(NameTokenizer.AsciiUpper);
        if (position < 0)
        {
            return true; // no capitals: the lowercase analysis decides
        }

        while (position >= 0)
        {
            var start = position;
            var end = NameTokenizer.WordEnd(text, start);
            position = end < text.Length ? text[end..].IndexOfAny(NameTokenizer.AsciiUpper) : -1;
            position = position < 0 ? -1 : end + position;
            if (start > 0 && char.IsAsciiLetterOrDigit(text[start - 1]))
            {
                continue; // a capital inside a word (iPhone, McDonald's second capital)
            }

            var token = NameTokenizer.DescribeAlone(text, start, end);
            if (token.Glued || (!entities.IsEmpty && NameTokenizer.Overlaps(entities, start, end)))
            {
                continue;
            }

            if (token.Shape == TokenShape.Initial)
            {
                if (text[start] == 'I' && (end == text.Length || text[end] != '.'))
                {
                    continue; // the pronoun: without its period "I" is never an initial of a name on its own
                }

                return true;
            }

            token.Entry = Lookup(text, token);
            token.Looked = true;
            if (CanBePart(token, TextCase.Normal) && !IsLeadingCue(token, TextCase.Normal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Cheap exit: ordinary prose without a capitalised word, or a text with no word of two letters.</summary>
    private static bool MayHoldName(ReadOnlySpan<NameToken> tokens, TextCase textCase)
    {
        foreach (var token in tokens)
        {
            if (token.Glued || token.Length < 2)
            {
                continue;
            }

            if (textCase is TextCase.Lower or TextCase.Upper || token.Shape is TokenShape.Title or TokenShape.Upper)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a name can start at this word in a text of this case (cheap: shape and length only, no lookup).</summary>
    private static bool MayStartName(in NameToken token, TextCase textCase)
    {
        if (token.Glued || token.PersonMarker)
        {
            return false;
        }

        return textCase switch
        {
            TextCase.Lower => token.Shape == TokenShape.Lower && token.Length >= 3,
            TextCase.Upper => token.Shape is TokenShape.Upper or TokenShape.Initial,
            _ => token.Shape is TokenShape.Title or TokenShape.Upper or TokenShape.Initial,
        };
    }

    private void Ensure(ReadOnlySpan<char> text, Span<NameToken> tokens, int index)
    {
        ref var token = ref tokens[index];
        if (!token.Looked)
        {
            token.Entry = Lookup(text, token);
            token.Looked = true;
            if (token.Entry.Flags == LexiconFlags.None && token.Entry.CommonLevel == 0)
            {
                var word = text[token.Start..token.End];
                if (ThingShape.Matches(word))
                {
                    token.Entry = new LexiconEntry(LexiconFlags.NonName, 0); // Doxycycline, Lisinopril: not a name
                }
                else
                {
                    token.UnknownShapePoints = UnknownShapePoints(word);
                }
            }
        }
    }

    private LexiconEntry Lookup(ReadOnlySpan<char> text, in NameToken token)
    {
        var word = text[token.Start..token.End];
        var entry = Lexicon.Find(word);
        if (entry.Flags != LexiconFlags.None || entry.CommonLevel != 0 || word.Length < 3)
        {
            return entry;
        }

        // A compound not in the lists as a whole: Anne-Marie, Smith-Jones, Tanaka-san, O'Brien, D'Angelo.
        var separator = word.IndexOfAny('-', '\'');
        if (separator < 0)
        {
            return entry;
        }

        if (word[separator] == '\'' && separator == 1 && word[0] is 'O' or 'D' or 'o' or 'd' && word.Length >= 4)
        {
            var rest = Lexicon.Find(word[2..]);
            return rest.CommonLevel == 0 || rest.IsName ? new LexiconEntry(LexiconFlags.Surname, 0) : default;
        }

        var flags = LexiconFlags.None;
        foreach (var part in word.Split(word[separator]))
        {
            var piece = word[part];
            var found = Lexicon.Find(piece);
            if (!found.IsName && !IsHonorificSuffix(piece))
            {
                return default;
            }

            flags |= found.Flags & (LexiconFlags.Given | LexiconFlags.Surname);
        }

        // A compound of names is not an ordinary word, whatever its parts are on their own.
        return new LexiconEntry(flags == LexiconFlags.None ? LexiconFlags.Surname : flags, 0);
    }

    private static double UnknownShapePoints(ReadOnlySpan<char> word)
    {
        var points = 0.0;
        if (!System.Text.Ascii.IsValid(word))
        {
            foreach (var c in word)
            {
                if (c >= 0x80 && char.IsLetter(c) && c < 0x250)
                {
                    points = PersonEvidence.ForeignLetters; // Latin letters with diacritics: ğ, ş, ü, ł, ř, …
                    break;
                }
            }
        }
        else if (RomanizedNameShape.Matches(word))
        {
            points = PersonEvidence.RomanizedName;
        }

        return SurnameShape.Matches(word) ? points + PersonEvidence.SurnameShape : points;
    }

    private static bool IsHonorificSuffix(ReadOnlySpan<char> piece) =>
        piece.Equals("san", StringComparison.OrdinalIgnoreCase) || piece.Equals("sama", StringComparison.OrdinalIgnoreCase)
        || piece.Equals("kun", StringComparison.OrdinalIgnoreCase) || piece.Equals("chan", StringComparison.OrdinalIgnoreCase)
        || piece.Equals("ji", StringComparison.OrdinalIgnoreCase) || piece.Equals("sensei", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a word can be part of a name in a text of this case.</summary>
    private static bool CanBePart(in NameToken token, TextCase textCase)
    {
        if (token.Glued || token.PersonMarker || token.Shape == TokenShape.Mixed)
        {
            return false;
        }

        var entry = token.Entry;
        if (entry.Has(LexiconFlags.FunctionWord))
        {
            return false;
        }

        if (!entry.IsName)
        {
            const LexiconFlags functionWords = LexiconFlags.Title | LexiconFlags.Cue | LexiconFlags.WeakCue | LexiconFlags.FollowingCue
                | LexiconFlags.Anti | LexiconFlags.AntiBefore | LexiconFlags.PlaceCue | LexiconFlags.NonName | LexiconFlags.Brand
                | LexiconFlags.FunctionWord;
            if ((entry.Flags & functionWords) != 0 || (entry.CommonLevel != 0 && !entry.Has(LexiconFlags.Place)))
            {
                return entry.Has(LexiconFlags.Particle) && token.Shape == TokenShape.Lower;
            }
        }
        else if (entry.Has(LexiconFlags.Title) && token.Shape != TokenShape.Title)
        {
            return false;
        }

        return textCase switch
        {
            // Without letter case, two-letter words are abbreviations and codes ("DE", "ok") unless they are particles inside a name.
            TextCase.Lower => token.Shape == TokenShape.Lower && (token.Length >= 3 || (entry.Has(LexiconFlags.Particle) && !entry.IsName)),
            TextCase.Upper => (token.Shape == TokenShape.Upper && token.Length >= 3) || token.Shape == TokenShape.Initial
                || (entry.Has(LexiconFlags.Particle) && !entry.IsName),
            _ => token.Shape switch
            {
                TokenShape.Title => true,
                TokenShape.Upper => true,
                TokenShape.Initial => token.FullEnd == token.End, // "J." is followed by its period, never "I"
                _ => entry.Has(LexiconFlags.Particle),
            },
        };
    }

    /// <summary>
    /// A word that is a name in some list but here opens the sentence as a cue ("Ask İmren", "Tell Çağveren",
    /// "Thanks Priya") or as an ordinary word ("Later Garcia wrote"): it is context for the next word, not part of the name.
    /// </summary>
    private static bool IsLeadingCue(in NameToken token, TextCase textCase)
    {
        const LexiconFlags cues = LexiconFlags.Cue | LexiconFlags.WeakCue | LexiconFlags.PlaceCue | LexiconFlags.AntiBefore;
        var uninformative = token.SentenceStart || token.Shape == TokenShape.Lower || textCase != TextCase.Normal;
        if ((token.Entry.Flags & cues) != 0 && uninformative)
        {
            return true;
        }

        // "Later Garcia wrote back": a common word that opens the sentence is not the start of a name (unless a given name).
        return token.SentenceStart && token.Entry.CommonLevel is > 0 and <= 35 && !token.Entry.Has(LexiconFlags.Given);
    }

    private bool EnsureIsParticle(ReadOnlySpan<char> text, Span<NameToken> tokens, int index, TextCase textCase)
    {
        Ensure(text, tokens, index);
        return IsParticle(tokens[index], textCase);
    }

    private static bool IsParticle(in NameToken token, TextCase textCase) =>
        token.Entry.Has(LexiconFlags.Particle) && (token.Shape == TokenShape.Lower || textCase != TextCase.Normal);

    /// <summary>The last word of the name that starts at <paramref name="first"/>.</summary>
    private int Extend(ReadOnlySpan<char> text, Span<NameToken> tokens, int first, TextCase textCase)
    {
        var last = first;
        while (last + 1 < tokens.Length && last - first + 1 < MaxSpanWords)
        {
            var next = last + 1;
            Ensure(text, tokens, next);
            if (!NameTokenizer.IsJoinGap(text, tokens[last], tokens[next]) || !CanBePart(tokens[next], textCase) || tokens[last].Possessive)
            {
                break;
            }

            if (IsParticle(tokens[next], textCase))
            {
                // A particle joins only between two name words: "Maria de la Cruz", not "Maria de".
                var after = next + 1;
                while (after < tokens.Length && EnsureIsParticle(text, tokens, after, textCase) && NameTokenizer.IsJoinGap(text, tokens[after - 1], tokens[after]))
                {
                    after++;
                }

                if (after < tokens.Length)
                {
                    Ensure(text, tokens, after);
                }

                if (after >= tokens.Length || !NameTokenizer.IsJoinGap(text, tokens[after - 1], tokens[after])
                    || !CanBePart(tokens[after], textCase) || IsParticle(tokens[after], textCase))
                {
                    break;
                }

                last = after;
                continue;
            }

            last = next;
        }

        // A trailing initial without its surname is not part of the name ("Maria G." keeps "G." out only when alone).
        return last;
    }

    private static void Evaluate(ReadOnlySpan<char> text, ReadOnlySpan<NameToken> tokens, int first, int last, TextCase textCase, PersonScanState state)
    {
        double best = double.NegativeInfinity, further = 0;
        var seeded = false;
        var firstNameWord = -1;
        var familyAfterGiven = false;
        var hasPlace = false;
        for (var k = first; k <= last; k++)
        {
            var token = tokens[k];
            if (IsParticle(token, textCase))
            {
                continue;
            }

            var points = WordPoints(token, textCase);
            seeded |= token.Entry.IsName && points > 0;
            hasPlace |= token.Entry.Has(LexiconFlags.Place);
            if (firstNameWord < 0 && token.Entry.Has(LexiconFlags.Given))
            {
                firstNameWord = k;
            }
            else if (firstNameWord >= 0 && k > firstNameWord && token.Shape != TokenShape.Initial
                && (token.Entry.Has(LexiconFlags.Surname) || !token.Entry.IsName))
            {
                familyAfterGiven = true;
            }

            if (points > best)
            {
                further += best > 0 ? best : 0;
                best = points;
            }
            else
            {
                further += points > 0 ? points : 0;
            }
        }

        var context = NameContext.Before(text, tokens, first, textCase, hasPlace);
        var (afterPoints, afterMarksPerson) = NameContext.After(text, tokens, first, last, textCase);
        // A verb, possessive or vocative after the words makes them a name when their form points that way too: a
        // capital inside a sentence, a foreign or romanised shape, two words or more, or (in chat) four letters or more.
        var shaped = last > first || tokens[first].UnknownShapePoints > 0;
        var formMarked = textCase switch
        {
            TextCase.Normal => tokens[first].Shape == TokenShape.Title && (!tokens[first].SentenceStart || shaped),
            TextCase.Lower => tokens[first].Length >= 4,
            _ => shaped,
        };
        // A name-like form on its own: two or more capitalised words in no list, one of them shaped like a family name
        // or a romanised East Asian name, or with Latin letters beyond ASCII ("Ryohei Wakamatsu", "Şirivan Arsoy").
        var shapeSeeded = textCase == TextCase.Normal && tokens[first].Shape == TokenShape.Title && last > first
            && MaxShapePoints(tokens, first, last) >= PersonEvidence.ForeignLetters;
        var unseeded = !seeded && !shapeSeeded && !context.AllowsUnknownName(tokens[first], textCase) && !(afterMarksPerson && formMarked);
        if (unseeded && (textCase == TextCase.Upper || (textCase == TextCase.Lower ? last == first : tokens[first].Shape != TokenShape.Title)))
        {
            return; // other unknown words become candidates (for lists and repeats) only where capitals or two words mark them
        }

        var total = best + (PersonEvidence.FurtherWordShare * further) + context.Points + afterPoints;
        if (familyAfterGiven)
        {
            total += PersonEvidence.GivenThenFamily;
        }

        if (NameContext.IsListedWithBrand(text, tokens, first, last))
        {
            total += PersonEvidence.ListedWithBrand;
        }

        if (NameTokenizer.IsOwnLine(text, tokens[first].Start, tokens[last].FullEnd))
        {
            total += PersonEvidence.OwnLine;
        }
        else if (textCase is TextCase.Lower or TextCase.Upper && first == last && context.Kind == NameContext.ContextKind.None
            && !tokens[first].Entry.Has(LexiconFlags.Given))
        {
            total -= PersonEvidence.LoneUncasedWord;
        }

        state.AddSpan(first, last, total, unseeded);
    }

    private static double MaxShapePoints(ReadOnlySpan<NameToken> tokens, int first, int last)
    {
        var max = 0.0;
        for (var k = first; k <= last; k++)
        {
            max = Math.Max(max, tokens[k].UnknownShapePoints);
        }

        return max;
    }

    /// <summary>The points a single word brings as part of a name.</summary>
    internal static double WordPoints(in NameToken token, TextCase textCase)
    {
        if (token.Shape == TokenShape.Initial)
        {
            return PersonEvidence.Initial;
        }

        var entry = token.Entry;
        var informative = textCase == TextCase.Normal && token.Shape == TokenShape.Title && !token.SentenceStart;
        var points = entry.Has(LexiconFlags.Given) && entry.Has(LexiconFlags.Surname) ? PersonEvidence.GivenAndSurname
            : entry.Has(LexiconFlags.Given) ? PersonEvidence.GivenName
            : entry.Has(LexiconFlags.Surname) ? PersonEvidence.Surname
            : PersonEvidence.UnknownProperNoun + token.UnknownShapePoints;
        var informativeWeight = entry.Has(LexiconFlags.Surname) && !entry.Has(LexiconFlags.Given)
            ? PersonEvidence.CommonSurnameInformative
            : PersonEvidence.CommonWordInformative;
        points -= (informative ? informativeWeight : PersonEvidence.CommonWordUninformative) * entry.Commonness;
        if (informative)
        {
            points += PersonEvidence.InformativeCapital;
        }

        var popular = entry.Has(LexiconFlags.PopularGiven);
        if (entry.Has(LexiconFlags.Place))
        {
            points -= entry.Has(LexiconFlags.VeryPopularGiven) ? PersonEvidence.PlaceVeryCommonName
                : popular ? PersonEvidence.Place : PersonEvidence.PlaceRareName;
        }

        if (entry.Has(LexiconFlags.NonName))
        {
            points -= PersonEvidence.NonName;
        }
        else if (entry.Has(LexiconFlags.Brand))
        {
            points -= popular ? PersonEvidence.Brand : PersonEvidence.BrandRareName;
        }

        if (textCase == TextCase.Normal && token.Shape == TokenShape.Upper)
        {
            points -= token.Length <= 3 ? PersonEvidence.ShortCapsInProse : PersonEvidence.CapsInProse;
        }

        return points;
    }

    /// <summary>
    /// Second pass: a span that repeats a word of a confident name, or stands in a list with one
    /// ("Maria, Wei and Tom"), gains points.
    /// </summary>
    private static void Reconsider(ReadOnlySpan<char> text, ReadOnlySpan<NameToken> tokens, PersonScanState state)
    {
        var confident = 0;
        for (var s = 0; s < state.SpanCount; s++)
        {
            confident += state.Spans[s].IsConfident ? 1 : 0;
        }

        var markers = false;
        foreach (var token in tokens)
        {
            markers |= token.PersonMarker;
        }

        if (confident == 0 && !markers)
        {
            return;
        }

        // Repeated until nothing changes (at most a few rounds): "Maria, Wei and Tom" lifts Wei from Tom, then Maria from Wei.
        for (var round = 0; round < 3; round++)
        {
            var changed = false;
            for (var s = 0; s < state.SpanCount; s++)
            {
                ref var span = ref state.Spans[s];
                if (span.Lifted || span.IsConfident)
                {
                    continue;
                }

                if (RepeatsConfidentWord(text, tokens, state, s))
                {
                    span.Points += PersonEvidence.RepeatedName;
                    span.Lifted = changed = true;
                }
                else if (NameContext.IsFamilyNameFirst(text, tokens, state, s))
                {
                    span.Points += PersonEvidence.FamilyNameFirst;
                    span.Lifted = changed = true;
                }
                else if (NameContext.IsListedWithName(text, tokens, state, s))
                {
                    span.Points += PersonEvidence.ListedWithName;
                    span.Lifted = changed = true;
                }
            }

            if (!changed)
            {
                break;
            }
        }
    }

    private static bool RepeatsConfidentWord(ReadOnlySpan<char> text, ReadOnlySpan<NameToken> tokens, PersonScanState state, int candidate)
    {
        ref readonly var span = ref state.Spans[candidate];
        for (var k = span.First; k <= span.Last; k++)
        {
            if (tokens[k].Length < 3 || tokens[k].Shape == TokenShape.Initial)
            {
                continue;
            }

            var word = text[tokens[k].Start..tokens[k].End];
            for (var s = 0; s < state.SpanCount; s++)
            {
                ref readonly var other = ref state.Spans[s];
                if (s == candidate || !other.IsConfident)
                {
                    continue;
                }

                for (var j = other.First; j <= other.Last; j++)
                {
                    if (word.Equals(text[tokens[j].Start..tokens[j].End], StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
