using System.Buffers;

namespace StreamPrivacy.Core.Redaction.Detection;

/// <summary>Token-boundary helpers shared by the span-scanning detectors.</summary>
internal static class DetectionText
{
    /// <summary>
    /// ASCII digits. Scans use <c>IndexOfAny(Digits)</c> rather than <c>IndexOfAnyInRange('0', '9')</c>, which
    /// was measured to allocate on every call in this runtime and would break the no-allocation contract.
    /// </summary>
    public static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    private static readonly SearchValues<char> AsciiLettersAndDigits =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    /// <summary>Letters (any script), digits and underscore: characters that glue a candidate into a longer word.</summary>
    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>
    /// True when a numeric token may start at <paramref name="start"/>: the previous character is not a word
    /// character, and is not a '-' or '.' that itself follows a word character (so "SKU-4532…", "v1.2…",
    /// "ORD-2026…" and the tail of a dotted or dashed identifier are not treated as fresh tokens).
    /// </summary>
    public static bool IsTokenStart(ReadOnlySpan<char> text, int start)
    {
        if (start == 0)
        {
            return true;
        }

        char prev = text[start - 1];
        if (IsWordChar(prev))
        {
            return false;
        }

        return !((prev is '-' or '.') && start >= 2 && IsWordChar(text[start - 2]));
    }

    /// <summary>
    /// True when a numeric token may end at <paramref name="end"/> (exclusive): the next character is not a word
    /// character, and is not a '-' or '.' immediately followed by a word character.
    /// </summary>
    public static bool IsTokenEnd(ReadOnlySpan<char> text, int end)
    {
        if (end >= text.Length)
        {
            return true;
        }

        char next = text[end];
        if (IsWordChar(next))
        {
            return false;
        }

        return !((next is '-' or '.') && end + 1 < text.Length && IsWordChar(text[end + 1]));
    }

    /// <summary>The bounds of <paramref name="text"/> without leading and trailing white space.</summary>
    public static (int Start, int End) Trimmed(ReadOnlySpan<char> text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }

    /// <summary>True when <paramref name="word"/> ends with one of <paramref name="endings"/> after a stem of at least <paramref name="minStem"/> characters (case-insensitive).</summary>
    public static bool EndsWithAny(ReadOnlySpan<char> word, string[] endings, int minStem)
    {
        foreach (var ending in endings)
        {
            if (word.Length >= ending.Length + minStem && word.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Index just past the run of ASCII digits starting at <paramref name="start"/>.</summary>
    public static int SkipDigits(ReadOnlySpan<char> text, int start)
    {
        int i = start;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>Index just past the run of word characters starting at <paramref name="start"/> (at least one step).</summary>
    public static int SkipWord(ReadOnlySpan<char> text, int start)
    {
        int i = start + 1;
        while (i < text.Length && IsWordChar(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>
    /// True when the text just before <paramref name="start"/> is the start of a space-grouped IBAN
    /// ("DE89 3704 …", "IT04 W120 …"): a country-code-plus-check-digits group followed by 4-character groups.
    /// Card and phone detectors use it so they do not report digit groups in the middle of an IBAN (or of an
    /// IBAN look-alike with a bad checksum).
    /// </summary>
    public static bool IsInsideSpacedIban(ReadOnlySpan<char> text, int start)
    {
        int pos = start;
        for (int groups = 0; groups < 9; groups++)
        {
            if (pos < 5 || text[pos - 1] != ' ')
            {
                return false;
            }

            var group = text.Slice(pos - 5, 4);
            if (group.ContainsAnyExcept(AsciiLettersAndDigits) || (pos >= 6 && IsWordChar(text[pos - 6])))
            {
                return false;
            }

            if (char.IsAsciiLetter(group[0]) && char.IsAsciiLetter(group[1]) && char.IsAsciiDigit(group[2]) && char.IsAsciiDigit(group[3]))
            {
                // Inside only while the IBAN's registered length is not yet reached: digits after a complete IBAN
                // ("PL20 4205 … 3903 6241-7361-2800-6918") are a new token.
                var length = IbanRegistry.LengthFor(group[0], group[1]);
                return length == 0 || (groups + 1) * 4 < length;
            }

            pos -= 5;
        }

        return false;
    }
}
