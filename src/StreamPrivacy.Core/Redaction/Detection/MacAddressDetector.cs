using System.Buffers;

namespace StreamPrivacy.Core.Redaction.Detection;

/// <summary>
/// Finds EUI-48 MAC addresses: six pairs of hex digits joined by ':' or '-' (one kind per address) and the
/// Cisco dotted form of three groups of four hex digits. A candidate that continues into a longer
/// colon/dash/dot run (EUI-64, IPv6 fragments) or is glued to letters is not reported.
/// </summary>
public sealed class MacAddressDetector : IPiiDetector
{
    private const double Score = 0.9;
    private const int PairLength = 17;
    private const int DottedLength = 14;

    private static readonly SearchValues<char> Separators = SearchValues.Create(":-.");

    /// <inheritdoc />
    public string EntityType => EntityTypes.MacAddress;

    /// <inheritdoc />
    public void Detect(ReadOnlySpan<char> text, List<PiiMatch> results)
    {
        // Every address has a separator with hex digits on both sides ("1B:44", "4411.3a"); text without such a
        // spot is done after one vectorised search.
        int candidate = text.Length < 14 ? -1 : FirstCandidate(text);
        if (candidate < 0)
        {
            return;
        }

        // An address starts at most four hex digits before its first separator.
        var i = Math.Max(0, candidate - 4);
        while (i <= text.Length - DottedLength)
        {
            var length = MatchAt(text, i);
            if (length > 0)
            {
                results.Add(new PiiMatch(i, length, EntityType, Score));
                i += length;
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>
    /// The length of the address starting exactly at <paramref name="i"/>, or 0. An address stands alone: no word
    /// character touches it, it does not continue a run of hex pairs ("…:00:1B:…") and no separator with a hex digit
    /// follows it.
    /// </summary>
    private static int MatchAt(ReadOnlySpan<char> text, int i)
    {
        if (!char.IsAsciiHexDigit(text[i]) || (i > 0 && IsWordChar(text[i - 1])) || ContinuesPairRun(text, i))
        {
            return 0;
        }

        var length = IsPairForm(text, i) ? PairLength : IsDottedForm(text, i) ? DottedLength : 0;
        if (length == 0)
        {
            return 0;
        }

        var end = i + length;
        if (end < text.Length && (IsWordChar(text[end])
            || (text[end] is ':' or '.' or '-' && end + 1 < text.Length && char.IsAsciiHexDigit(text[end + 1]))))
        {
            return 0;
        }

        return length;
    }

    /// <summary>Six hex pairs joined by one kind of separator, ':' or '-': "00:1B:44:11:3A:B7".</summary>
    private static bool IsPairForm(ReadOnlySpan<char> text, int i)
    {
        if (i + PairLength > text.Length || text[i + 2] is not (':' or '-'))
        {
            return false;
        }

        var separator = text[i + 2];
        for (var k = 0; k < PairLength; k++)
        {
            var c = text[i + k];
            if (k % 3 == 2 ? c != separator : !char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Cisco's three dotted groups of four hex digits: "001b.4411.3ab7".</summary>
    private static bool IsDottedForm(ReadOnlySpan<char> text, int i)
    {
        if (i + DottedLength > text.Length)
        {
            return false;
        }

        for (var k = 0; k < DottedLength; k++)
        {
            var c = text[i + k];
            if (k % 5 == 4 ? c != '.' : !char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a hex pair and a ':' or '-' that start a word stand right before <paramref name="i"/>.</summary>
    private static bool ContinuesPairRun(ReadOnlySpan<char> text, int i) =>
        i >= 3 && text[i - 1] is ':' or '-' && char.IsAsciiHexDigit(text[i - 2]) && char.IsAsciiHexDigit(text[i - 3])
        && (i == 3 || !IsWordChar(text[i - 4]));

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>Index of the first separator with two hex digits on each side, or -1.</summary>
    private static int FirstCandidate(ReadOnlySpan<char> text)
    {
        int from = 2;
        while (from < text.Length - 2)
        {
            int rel = text[from..^2].IndexOfAny(Separators);
            if (rel < 0)
            {
                return -1;
            }

            int i = from + rel;
            if (char.IsAsciiHexDigit(text[i - 1]) && char.IsAsciiHexDigit(text[i - 2])
                && char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2]))
            {
                return i;
            }

            from = i + 1;
        }

        return -1;
    }
}
