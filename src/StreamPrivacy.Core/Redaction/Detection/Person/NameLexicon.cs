using System.Buffers;
using System.Buffers.Text;
using System.Reflection;
using System.Text;
using StreamPrivacy.Core.Redaction.Detection.Text;

namespace StreamPrivacy.Core.Redaction.Detection.Person;

/// <summary>
/// Every word the PERSON detector knows, folded (lowercase, Latin diacritics removed) and mapped to what is
/// known about it: given name, family name, place, capitalised non-name, brand, common English word (with its
/// frequency level), popular given name, and the hand-written cue classes of <see cref="NameCues"/>. The word
/// lists ship as embedded resources (sources and licences in <c>Names/Data/PROVENANCE.md</c>) and are loaded
/// once per process.
/// </summary>
/// <remarks>
/// About 270,000 words. They are kept in one character array with an open-addressing hash table over it, built
/// straight from the UTF-8 resources: no string per word, so loading is fast (a batch command pays it on every
/// start) and the table is a few megabytes. Thread-safe after construction.
/// </remarks>
internal sealed class NameLexicon
{
    private const string ResourcePrefix = "StreamPrivacy.Core.Names.";
    private const int MaxWordLength = 40;

    /// <summary>About how many distinct words the shipped lists hold (the table is sized for them at once).</summary>
    private const int ShippedWords = 300_000;

    /// <summary>US births (SSA, 1880 on) from which a given name counts as popular (<see cref="LexiconFlags.PopularGiven"/>).</summary>
    private const long PopularBirths = 5000;

    /// <summary>US births from which a given name counts as very popular (<see cref="LexiconFlags.VeryPopularGiven"/>).</summary>
    private const long VeryPopularBirths = 1_000_000;

    private static readonly Lazy<NameLexicon> LazyShared = new(() => Load(typeof(NameLexicon).Assembly), LazyThreadSafetyMode.ExecutionAndPublication);

    private const int BucketBits = 9;

    private readonly char[] _scratch = new char[MaxWordLength * 4]; // loading is single-threaded
    private readonly char[] _folded = new char[MaxWordLength * 2];
    private char[] _chars;
    private int _charCount;
    private int[] _starts;   // record r's key is _chars[_starts[r].._starts[r + 1]]
    private int[] _hashes;
    private LexiconEntry[] _entries;
    private int _records;    // words added while loading, duplicates included
    private int _count;      // distinct words
    private long[] _slots = []; // per bucket a power-of-two run of (hash << 32) | (record + 1); 0 = empty
    private int _bucketMask;

    /// <summary>Creates an empty lexicon sized for about <paramref name="words"/> words (it grows past that).</summary>
    private NameLexicon(int words)
    {
        _chars = new char[words * 6];
        _starts = new int[words + 1];
        _hashes = new int[words];
        _entries = new LexiconEntry[words];
    }

    /// <summary>The lexicon built from the shipped word lists.</summary>
    public static NameLexicon Shared => LazyShared.Value;

    /// <summary>
    /// Starts loading <see cref="Shared"/> on a thread-pool thread, so that a command can read its configuration and
    /// input while the word lists load; <see cref="Shared"/> waits for it if needed.
    /// </summary>
    public static void Preload() => ThreadPool.UnsafeQueueUserWorkItem(static _ => _ = LazyShared.Value, null);

    /// <summary>Number of distinct folded words.</summary>
    public int Count => _count;

    /// <summary>What is known about <paramref name="word"/> (any case, any Latin diacritics); default when nothing.</summary>
    public LexiconEntry Find(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || word.Length > MaxWordLength)
        {
            return default;
        }

        Span<char> folded = stackalloc char[MaxWordLength * 2];
        var length = Fold(word, folded);
        if (length == 0)
        {
            return default;
        }

        var key = folded[..length];
        var hash = Hash(key);
        var bucket = (hash >> (31 - BucketBits)) * (_bucketMask + 1);
        for (int probe = 0, i = hash & _bucketMask; probe <= _bucketMask; probe++, i = (i + 1) & _bucketMask)
        {
            var slot = _slots[bucket + i];
            if (slot == 0)
            {
                break;
            }

            if ((int)(slot >> 32) == hash && KeyOf((int)slot - 1).SequenceEqual(key))
            {
                return _entries[(int)slot - 1];
            }
        }

        return default;
    }

    /// <summary>Builds a lexicon from word lists (the tests build small ones).</summary>
    public static NameLexicon Create(
        IEnumerable<string> given, IEnumerable<string> surnames, IEnumerable<string> places,
        IEnumerable<string> nonNames, IEnumerable<(string Word, byte Level)> common,
        IReadOnlyDictionary<LexiconFlags, IEnumerable<string>>? extra = null)
    {
        var lexicon = new NameLexicon(1024);
        foreach (var name in given)
        {
            lexicon.AddWords(name, LexiconFlags.Given);
        }

        foreach (var name in surnames)
        {
            lexicon.AddWords(name, LexiconFlags.Surname);
        }

        foreach (var place in places)
        {
            lexicon.AddWhole(place, LexiconFlags.Place);
        }

        foreach (var word in nonNames)
        {
            lexicon.AddWhole(word, LexiconFlags.NonName);
        }

        foreach (var (word, level) in common)
        {
            lexicon.AddWhole(word, LexiconFlags.None, level);
        }

        foreach (var (flag, list) in extra ?? new Dictionary<LexiconFlags, IEnumerable<string>>())
        {
            foreach (var word in list)
            {
                lexicon.AddWhole(word.TrimEnd('.'), flag);
            }
        }

        lexicon.AddCues();
        lexicon.Freeze();
        return lexicon;
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
        var lexicon = new NameLexicon(ShippedWords);
        lexicon.LoadWords(assembly, "given-names.txt", LexiconFlags.Given, split: true);
        lexicon.LoadWords(assembly, "given-names.native.txt", LexiconFlags.Given, split: true);
        lexicon.LoadWords(assembly, "surnames.txt", LexiconFlags.Surname, split: true);
        lexicon.LoadWords(assembly, "surnames.native.txt", LexiconFlags.Surname, split: true);
        lexicon.LoadWords(assembly, "places.txt", LexiconFlags.Place, split: false);
        lexicon.LoadWords(assembly, "places.native.txt", LexiconFlags.Place, split: false);
        lexicon.LoadWords(assembly, "name-particles.txt", LexiconFlags.Particle, split: false);
        lexicon.LoadCategories(assembly);
        lexicon.LoadCommon(assembly);
        lexicon.LoadPopular(assembly);
        lexicon.AddCues();
        lexicon.Freeze();
        return lexicon;
    }

    /// <summary>A resource's lines as UTF-8 (comment lines skipped), each with the part after a tab.</summary>
    private static void ForEachLine(Assembly assembly, string file, Action<ReadOnlySpan<byte>, ReadOnlySpan<byte>> action)
    {
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + file)
            ?? throw new InvalidOperationException($"The name list '{file}' is missing from the assembly.");
        var bytes = ArrayPool<byte>.Shared.Rent(checked((int)stream.Length));
        try
        {
            stream.ReadExactly(bytes, 0, (int)stream.Length);
            ReadOnlySpan<byte> rest = bytes.AsSpan(0, (int)stream.Length);
            while (!rest.IsEmpty)
            {
                var newline = rest.IndexOf((byte)'\n');
                var line = newline < 0 ? rest : rest[..newline];
                rest = newline < 0 ? default : rest[(newline + 1)..];
                if (line.IsEmpty || line[0] == '#')
                {
                    continue;
                }

                var tab = line.IndexOf((byte)'\t');
                action(tab < 0 ? line : line[..tab], tab < 0 ? default : line[(tab + 1)..]);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private void LoadWords(Assembly assembly, string file, LexiconFlags flag, bool split) =>
        ForEachLine(assembly, file, (word, _) => AddUtf8(word, flag, 0, split));

    private void LoadCategories(Assembly assembly)
    {
        ForEachLine(assembly, "capitalized-non-names.txt", (word, category) =>
        {
            var flag = CategoryFlag(category, word);
            if (flag != LexiconFlags.None)
            {
                AddUtf8(word, flag, 0, split: false);
            }
        });
    }

    /// <summary>
    /// Colours are left out: most colour words that are capitalised in text are names (Rose, Olive, Amber). Brands,
    /// products and other languages' months are also names often enough (Julia, Zara, Mai) to weigh less than English
    /// months and weekdays, holidays, languages, plan and team words.
    /// </summary>
    private static LexiconFlags CategoryFlag(ReadOnlySpan<byte> category, ReadOnlySpan<byte> word)
    {
        if (category.SequenceEqual("honorific"u8))
        {
            return LexiconFlags.Title;
        }

        if (category.SequenceEqual("greeting"u8))
        {
            return LexiconFlags.Cue;
        }

        if (category.SequenceEqual("name-suffix"u8))
        {
            return LexiconFlags.FollowingCue;
        }

        if (category.SequenceEqual("color"u8))
        {
            return LexiconFlags.None;
        }

        if (category.SequenceEqual("month"u8) || category.SequenceEqual("weekday"u8))
        {
            return IsEnglishCalendarWord(word) ? LexiconFlags.NonName : LexiconFlags.Brand;
        }

        return category.SequenceEqual("brand"u8) || category.SequenceEqual("tech"u8) || category.SequenceEqual("product"u8)
            || category.SequenceEqual("vehicle-make"u8) || category.SequenceEqual("vehicle-model"u8)
            || category.SequenceEqual("month-abbr"u8) || category.SequenceEqual("weekday-abbr"u8)
            ? LexiconFlags.Brand
            : LexiconFlags.NonName;
    }

    private static bool IsEnglishCalendarWord(ReadOnlySpan<byte> word)
    {
        Span<char> chars = stackalloc char[16];
        if (word.Length > chars.Length)
        {
            return false;
        }

        var length = Encoding.UTF8.GetChars(word, chars);
        foreach (var calendar in NameCues.Calendar)
        {
            if (chars[..length].Equals(calendar, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private void LoadCommon(Assembly assembly) =>
        ForEachLine(assembly, "common-words.txt", (word, level) =>
        {
            if (Utf8Parser.TryParse(level, out byte value, out _))
            {
                AddUtf8(word, LexiconFlags.None, value, split: false);
            }
        });

    private void LoadPopular(Assembly assembly) =>
        ForEachLine(assembly, "given-names.freq.txt", (word, births) =>
        {
            if (Utf8Parser.TryParse(births, out long value, out _) && value >= PopularBirths)
            {
                AddUtf8(word, value >= VeryPopularBirths ? LexiconFlags.PopularGiven | LexiconFlags.VeryPopularGiven : LexiconFlags.PopularGiven, 0, split: false);
            }
        });

    private void AddCues()
    {
        void AddAll(string[] words, LexiconFlags flag)
        {
            foreach (var word in words)
            {
                AddWhole(word, flag);
            }
        }

        AddAll(NameCues.Titles, LexiconFlags.Title);
        AddAll(NameCues.Greetings, LexiconFlags.Cue);
        AddAll(NameCues.Introductions, LexiconFlags.Cue);
        AddAll(NameCues.WeakCues, LexiconFlags.WeakCue);
        AddAll(NameCues.PersonPrepositions, LexiconFlags.PersonPreposition);
        AddAll(NameCues.Following, LexiconFlags.FollowingCue);
        AddAll(NameCues.Anti, LexiconFlags.Anti);
        AddAll(NameCues.AntiBefore, LexiconFlags.AntiBefore);
        AddAll(NameCues.ThingVerbs, LexiconFlags.ThingVerb);
        AddAll(NameCues.Eponyms, LexiconFlags.Eponym);
        AddAll(NameCues.FunctionWords, LexiconFlags.FunctionWord);
        AddAll(NameCues.PlaceCues, LexiconFlags.PlaceCue);
        AddAll(NameCues.Particles, LexiconFlags.Particle);
    }

    /// <summary>Adds a UTF-8 entry: names split into their words ("Anh Vũ", "van der Berg"), other lists whole words only.</summary>
    private void AddUtf8(ReadOnlySpan<byte> utf8, LexiconFlags flag, byte level, bool split)
    {
        if (utf8.Length > MaxWordLength)
        {
            if (split && utf8.Length <= MaxWordLength * 4)
            {
                AddWords(_scratch.AsSpan(0, Encoding.UTF8.GetChars(utf8, _scratch)), flag);
            }

            return;
        }

        // Most entries are one ASCII word: lowercased straight from the bytes, no decoding or folding pass.
        if (System.Text.Ascii.IsValid(utf8) && utf8.IndexOf((byte)' ') < 0)
        {
            var key = _scratch.AsSpan(0, utf8.Length);
            for (var i = 0; i < utf8.Length; i++)
            {
                key[i] = (char)(utf8[i] is >= (byte)'A' and <= (byte)'Z' ? utf8[i] | 0x20 : utf8[i]);
            }

            if (!key.IsEmpty)
            {
                Merge(key, flag, level);
            }

            return;
        }

        var chars = _scratch.AsSpan(0, Encoding.UTF8.GetChars(utf8, _scratch));
        if (split)
        {
            AddWords(chars, flag);
        }
        else
        {
            AddWhole(chars, flag, level);
        }
    }

    /// <summary>Adds each word of a name; lowercase words inside a name are particles ("van der Berg"), not names.</summary>
    private void AddWords(ReadOnlySpan<char> text, LexiconFlags flag)
    {
        var multiple = text.IndexOfAny(' ', '\t') >= 0;
        foreach (var range in text.SplitAny(' ', '\t'))
        {
            var word = text[range];
            if (!multiple || word.IsEmpty || !char.IsLower(word[0]))
            {
                AddWhole(word, flag);
            }
        }
    }

    /// <summary>
    /// Adds one word. Places and non-names count as whole single words only ("Santa Maria" does not make "Maria" a
    /// place); a common-word level keeps the lowest (most common) one seen.
    /// </summary>
    private void AddWhole(ReadOnlySpan<char> word, LexiconFlags flag, byte level = 0)
    {
        word = word.Trim();
        if (word.IsEmpty || word.Length > MaxWordLength || word.Contains(' '))
        {
            return;
        }

        var length = Fold(word, _folded);
        if (length > 0)
        {
            Merge(_folded.AsSpan(0, length), flag, level);
        }
    }

    /// <summary>Records one word while loading (sequential appends only); <see cref="Freeze"/> merges duplicates into the table.</summary>
    private void Merge(ReadOnlySpan<char> key, LexiconFlags flag, byte level)
    {
        if (_records + 1 >= _starts.Length - 1)
        {
            Array.Resize(ref _starts, _starts.Length * 2);
            Array.Resize(ref _hashes, _hashes.Length * 2);
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        if (_charCount + key.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + key.Length));
        }

        key.CopyTo(_chars.AsSpan(_charCount));
        _starts[_records] = _charCount;
        _charCount += key.Length;
        _starts[_records + 1] = _charCount;
        _hashes[_records] = Hash(key);
        _entries[_records] = new LexiconEntry(flag, level);
        _records++;
    }

    /// <summary>
    /// Builds the lookup table from the recorded words. Words are first sorted into 2^<see cref="BucketBits"/> buckets
    /// by the top bits of their hash (a counting sort: sequential passes), then each bucket's small open-addressing
    /// run is filled on its own — it stays in the processor's cache, where inserting the same few hundred thousand
    /// words into one large table would miss the cache (and, in a virtual machine, the TLB) on nearly every insert.
    /// A word met again has its flags merged into its first record, and its level kept the most common one.
    /// </summary>
    private void Freeze()
    {
        var buckets = 1 << BucketBits;
        var counts = new int[buckets + 1];
        for (var r = 0; r < _records; r++)
        {
            counts[(_hashes[r] >> (31 - BucketBits)) + 1]++;
        }

        var largest = 0;
        for (var b = 1; b <= buckets; b++)
        {
            largest = Math.Max(largest, counts[b]);
            counts[b] += counts[b - 1];
        }

        var order = new int[_records];
        var next = counts.AsSpan(0, buckets).ToArray();
        for (var r = 0; r < _records; r++)
        {
            order[next[_hashes[r] >> (31 - BucketBits)]++] = r;
        }

        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(8, largest + 1));
        _bucketMask = size - 1;
        _slots = new long[buckets * size];
        _count = 0;
        for (var b = 0; b < buckets; b++)
        {
            var run = _slots.AsSpan(b * size, size);
            for (var k = counts[b]; k < counts[b + 1]; k++)
            {
                Insert(run, order[k]);
            }
        }

        _hashes = []; // only needed to build: each slot keeps its word's hash
    }

    private void Insert(Span<long> run, int record)
    {
        var hash = _hashes[record];
        var key = KeyOf(record);
        var i = hash & _bucketMask;
        for (; run[i] != 0; i = (i + 1) & _bucketMask)
        {
            var slot = run[i];
            var e = (int)slot - 1;
            if ((int)(slot >> 32) == hash && KeyOf(e).SequenceEqual(key))
            {
                var existing = _entries[e];
                var added = _entries[record];
                var level = added.CommonLevel == 0 ? existing.CommonLevel
                    : existing.CommonLevel == 0 ? added.CommonLevel : Math.Min(existing.CommonLevel, added.CommonLevel);
                _entries[e] = new LexiconEntry(existing.Flags | added.Flags, level);
                return;
            }
        }

        run[i] = ((long)hash << 32) | (uint)(record + 1);
        _count++;
    }

    private ReadOnlySpan<char> KeyOf(int entry) => _chars.AsSpan(_starts[entry], _starts[entry + 1] - _starts[entry]);

    /// <summary>FNV-1a over the UTF-16 code units, with a final avalanche so that linear probing spreads well.</summary>
    private static int Hash(ReadOnlySpan<char> key)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        hash ^= hash >> 15;
        hash *= 0x2c1b3c6du;
        hash ^= hash >> 12;
        return (int)(hash & 0x7FFFFFFF);
    }
}
