using System.Reflection;
using StreamPrivacy.Core.Redaction.Detection.Text;

namespace StreamPrivacy.Core.Redaction.Detection.Person;

/// <summary>
/// Every word the PERSON detector knows, folded (lowercase, Latin diacritics removed) and mapped to what is
/// known about it: given name, family name, place, capitalised non-name, common English word (with its
/// frequency level) and the hand-written cue classes of <see cref="NameCues"/>. The word lists ship as
/// embedded resources (sources and licences in <c>Names/Data/PROVENANCE.md</c>) and are loaded once per process.
/// Thread-safe after construction.
/// </summary>
internal sealed class NameLexicon
{
    private const string ResourcePrefix = "StreamPrivacy.Core.Names.";
    private const int MaxWordLength = 40;

    /// <summary>US births (SSA, 1880 on) from which a given name counts as popular (<see cref="LexiconFlags.PopularGiven"/>).</summary>
    private const long PopularBirths = 5000;

    private static readonly Lazy<NameLexicon> LazyShared = new(() => Load(typeof(NameLexicon).Assembly), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, LexiconEntry> _words;
    private readonly Dictionary<string, LexiconEntry>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private NameLexicon(Dictionary<string, LexiconEntry> words)
    {
        _words = words;
        _lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The lexicon built from the shipped word lists.</summary>
    public static NameLexicon Shared => LazyShared.Value;

    /// <summary>Number of distinct folded words.</summary>
    public int Count => _words.Count;

    /// <summary>What is known about <paramref name="word"/> (any case, any Latin diacritics); default when nothing.</summary>
    public LexiconEntry Find(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || word.Length > MaxWordLength)
        {
            return default;
        }

        Span<char> folded = stackalloc char[MaxWordLength * 2];
        var length = Fold(word, folded);
        return length > 0 && _lookup.TryGetValue(folded[..length], out var entry) ? entry : default;
    }

    /// <summary>Builds a lexicon from word lists (used by the tests with small lists).</summary>
    public static NameLexicon Create(
        IEnumerable<string> given, IEnumerable<string> surnames, IEnumerable<string> places,
        IEnumerable<string> nonNames, IEnumerable<(string Word, byte Level)> common,
        IReadOnlyDictionary<LexiconFlags, IEnumerable<string>>? extra = null)
    {
        var words = new Dictionary<string, LexiconEntry>(StringComparer.Ordinal);
        Span<char> buffer = stackalloc char[MaxWordLength * 2];
        void Add(string word, LexiconFlags flags, byte level, Span<char> scratch)
        {
            foreach (var part in word.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (part.Length > MaxWordLength)
                {
                    continue;
                }

                var length = Fold(part, scratch);
                if (length == 0)
                {
                    continue;
                }

                var key = new string(scratch[..length]);
                words.TryGetValue(key, out var existing);
                var common = level == 0 ? existing.CommonLevel : existing.CommonLevel == 0 ? level : Math.Min(existing.CommonLevel, level);
                words[key] = new LexiconEntry(existing.Flags | flags, common);
            }
        }

        foreach (var name in given)
        {
            Add(name, LexiconFlags.Given, 0, buffer);
        }

        foreach (var name in surnames)
        {
            Add(name, LexiconFlags.Surname, 0, buffer);
        }

        // Places and non-names count as whole words only: "Santa Maria" does not make "Maria" a place.
        foreach (var place in places.Where(p => !p.Contains(' ', StringComparison.Ordinal)))
        {
            Add(place, LexiconFlags.Place, 0, buffer);
        }

        foreach (var word in nonNames.Where(w => !w.Contains(' ', StringComparison.Ordinal)))
        {
            Add(word, LexiconFlags.NonName, 0, buffer);
        }

        foreach (var (word, level) in common)
        {
            Add(word, LexiconFlags.None, level, buffer);
        }

        void AddCues(string[] cues, LexiconFlags flag, Span<char> scratch)
        {
            foreach (var cue in cues)
            {
                Add(cue, flag, 0, scratch);
            }
        }

        foreach (var (flag, list) in extra ?? new Dictionary<LexiconFlags, IEnumerable<string>>())
        {
            foreach (var word in list.Where(w => !w.Contains(' ', StringComparison.Ordinal)))
            {
                Add(word.TrimEnd('.'), flag, 0, buffer);
            }
        }

        AddCues(NameCues.Titles, LexiconFlags.Title, buffer);
        AddCues(NameCues.Greetings, LexiconFlags.Cue, buffer);
        AddCues(NameCues.Introductions, LexiconFlags.Cue, buffer);
        AddCues(NameCues.WeakCues, LexiconFlags.WeakCue, buffer);
        AddCues(NameCues.Following, LexiconFlags.FollowingCue, buffer);
        AddCues(NameCues.Anti, LexiconFlags.Anti, buffer);
        AddCues(NameCues.AntiBefore, LexiconFlags.AntiBefore, buffer);
        AddCues(NameCues.FunctionWords, LexiconFlags.FunctionWord, buffer);
        AddCues(NameCues.PlaceCues, LexiconFlags.PlaceCue, buffer);
        AddCues(NameCues.Particles, LexiconFlags.Particle, buffer);
        return new NameLexicon(words);
    }

    /// <summary>
    /// Lowercases <paramref name="word"/> into <paramref name="destination"/> with Latin diacritics removed
    /// (é → e, ß → ss) and typographic apostrophes unified; returns the length written, 0 if it does not fit.
    /// </summary>
    public static int Fold(ReadOnlySpan<char> word, Span<char> destination)
    {
        var length = 0;
        foreach (var c in word)
        {
            if (c < 0x80)
            {
                if (length == destination.Length)
                {
                    return 0;
                }

                destination[length++] = char.ToLowerInvariant(c);
                continue;
            }

            var fold = UnicodeTables.LatinFold(c);
            ReadOnlySpan<char> replacement = fold.IsEmpty
                ? c is '\u2019' or '\u2018' or '\u02BC' ? "'" : [char.ToLowerInvariant(c)]
                : fold;
            if (length + replacement.Length > destination.Length)
            {
                return 0;
            }

            foreach (var r in replacement)
            {
                destination[length++] = char.ToLowerInvariant(r);
            }
        }

        return length;
    }

    private static NameLexicon Load(Assembly assembly)
    {
        List<string> Lines(string file)
        {
            using var stream = assembly.GetManifestResourceStream(ResourcePrefix + file)
                ?? throw new InvalidOperationException($"The name list '{file}' is missing from the assembly.");
            using var reader = new StreamReader(stream);
            var list = new List<string>();
            while (reader.ReadLine() is { } line)
            {
                if (line.Length > 0 && line[0] != '#')
                {
                    list.Add(line);
                }
            }

            return list;
        }

        static (string Word, string Field) Split(string line)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            return tab < 0 ? (line, string.Empty) : (line[..tab], line[(tab + 1)..]);
        }

        var nonNames = new List<string>();
        var brands = new List<string>();
        var titles = new List<string>();
        var greetings = new List<string>();
        var suffixes = new List<string>();
        var calendar = NameCues.Calendar.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (word, category) in Lines("capitalized-non-names.txt").Select(Split))
        {
            // Colours are left out: most colour words that are capitalised in text are names (Rose, Olive, Amber).
            // Brands, products and other languages' months are also names often enough (Julia, Zara, Mai) to weigh less.
            var target = category switch
            {
                "honorific" => titles,
                "greeting" => greetings,
                "name-suffix" => suffixes,
                "color" => null,
                "month" or "weekday" => calendar.Contains(word) ? nonNames : brands,
                "brand" or "tech" or "product" or "vehicle-make" or "vehicle-model" or "month-abbr" or "weekday-abbr" => brands,
                _ => nonNames,
            };
            target?.Add(word);
        }

        var common = Lines("common-words.txt").Select(Split)
            .Select(p => (p.Word, byte.Parse(p.Field, System.Globalization.CultureInfo.InvariantCulture)));
        var extra = new Dictionary<LexiconFlags, IEnumerable<string>>
        {
            [LexiconFlags.Title] = titles,
            [LexiconFlags.Cue] = greetings,
            [LexiconFlags.FollowingCue] = suffixes,
            [LexiconFlags.Particle] = Lines("name-particles.txt"),
            [LexiconFlags.Brand] = brands,
            [LexiconFlags.PopularGiven] = Lines("given-names.freq.txt").Select(Split)
                .Where(p => long.Parse(p.Field, System.Globalization.CultureInfo.InvariantCulture) >= PopularBirths).Select(p => p.Word).ToList(),
        };
        return Create(
            Lines("given-names.txt").Concat(Lines("given-names.native.txt")),
            Lines("surnames.txt").Concat(Lines("surnames.native.txt")),
            Lines("places.txt").Concat(Lines("places.native.txt")),
            nonNames,
            common,
            extra);
    }
}
