namespace StreamPrivacy.Core.Redaction.Detection.Person;

/// <summary>
/// Whether a word is made entirely of the syllables of a romanisation system in which names are commonly
/// written: Japanese (Hepburn), Korean (Revised Romanization and the customary spellings) or Mandarin
/// (Hanyu Pinyin without tones). Name lists cannot hold every Japanese, Korean or Chinese given name
/// (Ryohei, Gyeongsuk, Xiaoming); their shape is a signal of its own. Two syllables at least, letters only.
/// </summary>
internal static class RomanizedNameShape
{
    private const int MaxLength = 24;

    private static readonly string[] JapaneseOnsets =
    [
        "", "k", "s", "t", "n", "h", "m", "y", "r", "w", "g", "z", "d", "b", "p", "sh", "ch", "ts", "j", "f",
        "ky", "gy", "ny", "hy", "my", "ry", "by", "py",
    ];

    private static readonly string[] JapaneseVowels = ["a", "i", "u", "e", "o", "ou", "uu", "oo", "aa", "ei", "ii"];

    private static readonly string[] KoreanOnsets =
    [
        "", "g", "k", "kk", "n", "d", "t", "tt", "r", "l", "m", "b", "p", "pp", "s", "ss", "j", "jj", "ch", "h",
    ];

    private static readonly string[] KoreanVowels =
    [
        "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i",
        "oo", "ee", "ou",
    ];

    private static readonly string[] KoreanCodas = ["", "k", "n", "t", "l", "m", "p", "ng"];

    private static readonly string[] PinyinOnsets =
    [
        "", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "zh", "ch", "sh", "r", "z", "c", "s", "y", "w",
    ];

    private static readonly string[] PinyinFinals =
    [
        "a", "o", "e", "i", "u", "v", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "er", "ia", "ie", "iao", "iu",
        "ian", "in", "iang", "ing", "iong", "ua", "uo", "uai", "ui", "uan", "un", "uang", "ueng", "ue", "ve", "van", "vn",
    ];

    /// <summary>True when <paramref name="word"/> (any case) is two or more syllables of one of the systems.</summary>
    public static bool Matches(ReadOnlySpan<char> word)
    {
        if (word.Length is < 4 or > MaxLength)
        {
            return false;
        }

        Span<char> lower = stackalloc char[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }

            lower[i] = char.ToLowerInvariant(c);
        }

        return Segments(lower, JapaneseOnsets, JapaneseVowels, ["", "n"], japanese: true)
            || Segments(lower, KoreanOnsets, KoreanVowels, KoreanCodas, japanese: false)
            || Segments(lower, PinyinOnsets, PinyinFinals, ["", "n", "ng"], japanese: false);
    }

    /// <summary>Dynamic programme: can the word be cut into at least two onset+vowel+coda syllables?</summary>
    private static bool Segments(ReadOnlySpan<char> word, string[] onsets, string[] vowels, string[] codas, bool japanese)
    {
        // syllables[i]: fewest syllables that cover word[..i] (0 = not reachable, except at 0).
        Span<byte> syllables = stackalloc byte[word.Length + 1];
        syllables.Fill(byte.MaxValue);
        syllables[0] = 0;
        for (var start = 0; start < word.Length; start++)
        {
            if (syllables[start] == byte.MaxValue)
            {
                continue;
            }

            foreach (var onset in onsets)
            {
                var afterOnset = start + onset.Length;
                if (!word[start..].StartsWith(onset, StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (var vowel in vowels)
                {
                    var afterVowel = afterOnset + vowel.Length;
                    if (afterVowel > word.Length || !word[afterOnset..].StartsWith(vowel, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    foreach (var coda in codas)
                    {
                        var end = afterVowel + coda.Length;
                        if (end <= word.Length && word[afterVowel..].StartsWith(coda, StringComparison.Ordinal))
                        {
                            syllables[end] = (byte)Math.Min(syllables[end], syllables[start] + 1);
                        }
                    }
                }
            }

            // Japanese doubled consonants: "Hattori", "Kazuhikko", "Ippei".
            if (japanese && start + 1 < word.Length && word[start] == word[start + 1] && word[start] is 'k' or 's' or 't' or 'p')
            {
                syllables[start + 1] = (byte)Math.Min(syllables[start + 1], syllables[start]);
            }
        }

        return syllables[word.Length] is >= 2 and < byte.MaxValue;
    }
}
