namespace StreamPrivacy.Core.Redaction.Detection;

/// <summary>
/// Finds payment card numbers: 13–19 Luhn-valid digits, contiguous or grouped by single spaces, dashes, dots, slashes or
/// underscores
/// (one separator kind per number, first group of four digits, other groups of 3–6 as printed on cards).
/// A number must be a token on its own (not glued to letters, and not the tail of "SKU-…" style ids).
/// Contiguous runs must also carry a known issuer prefix (Visa, Mastercard, Amex, Discover, JCB, Diners,
/// UnionPay, Maestro, UATP) because 13–19 digit ids and millisecond timestamps are common in telemetry and one in ten
/// passes Luhn by chance; grouped numbers with an unknown prefix are still reported, at a lower score.
/// </summary>
public sealed class CreditCardDetector : IPiiDetector
{
    private const double KnownIssuerScore = 0.95;
    private const double UnknownIssuerScore = 0.6;
    private const int MaxGroups = 8;

    /// <inheritdoc />
    public string EntityType => EntityTypes.CreditCard;

    /// <inheritdoc />
    public void Detect(ReadOnlySpan<char> text, List<PiiMatch> results)
    {
        Span<int> groupStart = stackalloc int[MaxGroups];
        Span<int> groupEnd = stackalloc int[MaxGroups];
        int from = 0;
        while (from < text.Length)
        {
            int rel = text[from..].IndexOfAny(DetectionText.Digits);
            if (rel < 0)
            {
                return;
            }

            int start = from + rel;
            // '+' introduces an international phone number, and digits after "DE89 " belong to an IBAN.
            if (!DetectionText.IsTokenStart(text, start) || (start > 0 && text[start - 1] == '+') || DetectionText.IsInsideSpacedIban(text, start))
            {
                from = DetectionText.SkipDigits(text, start);
                continue;
            }

            // Collect digit groups joined by one consistent single-character separator.
            int groups = 0;
            char separator = '\0';
            int i = start;
            while (true)
            {
                groupStart[groups] = i;
                i = DetectionText.SkipDigits(text, i);
                groupEnd[groups] = i;
                groups++;
                if (groups == MaxGroups || i + 1 >= text.Length || !char.IsAsciiDigit(text[i + 1]))
                {
                    break;
                }

                char c = text[i];
                if (c is not (' ' or '-' or '.' or '/' or '_'))
                {
                    break;
                }

                if (separator != '\0' && c != separator)
                {
                    // "4012888888881881 4012-8888-8888-1881": the group before a dash starts the next number.
                    if (separator == ' ' && c == '-')
                    {
                        groups--;
                    }

                    break;
                }

                separator = c;
                i++;
            }

            from = Math.Max(ReportBest(text, groupStart[..groups], groupEnd[..groups], separator, results), start + 1);
        }
    }

    /// <summary>Reports the card(s) inside one group run; returns where scanning resumes.</summary>
    private int ReportBest(ReadOnlySpan<char> text, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, char separator, List<PiiMatch> results)
    {
        int runEnd = ends[^1];
        if (starts.Length == 1)
        {
            int length = runEnd - starts[0];
            var digits = text.Slice(starts[0], length);
            if (length is >= 13 and <= 19 && DetectionText.IsTokenEnd(text, runEnd) && IsKnownIssuer(digits) && IsPlausible(digits))
            {
                results.Add(new PiiMatch(starts[0], length, EntityType, KnownIssuerScore));
            }

            return runEnd;
        }

        if (separator != ' ')
        {
            // A dashed (dotted, slashed, underscored) run is one token: either all of it is the card or none of it is (SKUs, order ids).
            if (DetectionText.IsTokenEnd(text, runEnd))
            {
                TryReport(text, starts, ends, 0, starts.Length, results);
            }

            return runEnd;
        }

        // Space-separated groups may hold a card next to other numbers ("ref 12 4111 1111 1111 1111 exp 12"):
        // take the longest valid window from each starting group.
        int s = 0;
        while (s < starts.Length)
        {
            int matchedTo = -1;
            for (int e = starts.Length; e > s; e--)
            {
                if ((e < starts.Length || DetectionText.IsTokenEnd(text, runEnd)) && IsPlausiblePart(starts, ends, s, e)
                    && TryReport(text, starts, ends, s, e, results))
                {
                    matchedTo = e;
                    break;
                }
            }

            s = matchedTo > 0 ? matchedTo : s + 1;
        }

        return runEnd;
    }

    /// <summary>
    /// A card taken from the middle of a longer run of space-separated groups must carry a known issuer prefix,
    /// must not follow another four-digit group (it would be the tail of a longer grouped number), and must not
    /// stop one three-digit group short of a 4-4-4-4-3 layout: otherwise 19-digit look-alikes yield a Luhn-valid
    /// 15- or 16-digit slice one time in ten.
    /// </summary>
    private static bool IsPlausiblePart(ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, int first, int last)
    {
        if (last - first == 1 || (first == 0 && last == starts.Length))
        {
            return true;
        }

        if (first > 0 && ends[first - 1] - starts[first - 1] == 4 && !FollowsSpacedSsn(starts, ends, first))
        {
            return false;
        }

        return last == starts.Length || last - first != 4 || ends[last] - starts[last] != 3;
    }

    /// <summary>"795 99 1856 6585 2854 6256 3369": the groups before are a complete 3-2-4 SSN layout, so the card starts a new number.</summary>
    private static bool FollowsSpacedSsn(ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, int first) =>
        first >= 3 && ends[first - 3] - starts[first - 3] == 3 && ends[first - 2] - starts[first - 2] == 2 && ends[first - 1] - starts[first - 1] == 4;

    private bool TryReport(ReadOnlySpan<char> text, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, int first, int last, List<PiiMatch> results)
    {
        if (last - first == 1)
        {
            // A contiguous number next to other space-separated numbers.
            var single = text[starts[first]..ends[first]];
            if (single.Length is >= 13 and <= 19 && IsKnownIssuer(single) && IsPlausible(single))
            {
                results.Add(new PiiMatch(starts[first], single.Length, EntityType, KnownIssuerScore));
                return true;
            }

            return false;
        }

        if (ends[first] - starts[first] != 4)
        {
            return false;
        }

        int digitCount = 0;
        for (int g = first; g < last; g++)
        {
            int len = ends[g] - starts[g];
            bool lastGroup = g == last - 1;
            if (len > 6 || (len < 3 && !lastGroup) || len < 1)
            {
                return false;
            }

            digitCount += len;
        }

        if (digitCount is < 13 or > 19)
        {
            return false;
        }

        var span = text[starts[first]..ends[last - 1]];
        if (!IsPlausible(span))
        {
            return false;
        }

        bool known = IsKnownIssuer(span);
        if (!known && (first > 0 || last < starts.Length))
        {
            return false;
        }

        double score = known ? KnownIssuerScore : UnknownIssuerScore;
        results.Add(new PiiMatch(starts[first], span.Length, EntityType, score));
        return true;
    }

    /// <summary>Luhn-valid and not a single repeated digit ("0000 0000 0000 0000" is a placeholder).</summary>
    private static bool IsPlausible(ReadOnlySpan<char> number)
    {
        if (!Checksums.Luhn(number))
        {
            return false;
        }

        char first = number[0];
        foreach (char c in number)
        {
            if (char.IsAsciiDigit(c) && c != first)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Issuer identification number ranges of the major networks (digits only; separators skipped).</summary>
    internal static bool IsKnownIssuer(ReadOnlySpan<char> number)
    {
        Span<int> d = stackalloc int[6];
        int n = 0, length = 0;
        foreach (char c in number)
        {
            if (char.IsAsciiDigit(c))
            {
                length++;
                if (n < 6)
                {
                    d[n++] = c - '0';
                }
            }
        }

        if (n < 6)
        {
            return false;
        }

        int p2 = (d[0] * 10) + d[1];
        int p4 = (p2 * 100) + (d[2] * 10) + d[3];
        int p6 = (p4 * 100) + (d[4] * 10) + d[5];
        return d[0] == 4                                 // Visa
            || p2 is >= 51 and <= 55                     // Mastercard
            || p4 is >= 2221 and <= 2720                 // Mastercard 2-series
            || p2 is 34 or 37                            // Amex
            || p4 == 6011 || p2 == 65                    // Discover
            || (p4 / 10) is >= 644 and <= 649           // Discover
            || p6 is >= 622126 and <= 622925            // Discover co-branded UnionPay
            || p4 is >= 3528 and <= 3589                 // JCB
            || (p4 / 10) is >= 300 and <= 305           // Diners Club
            || p2 is 36 or 38 or 39                      // Diners Club
            || p2 is 62 or 81                            // UnionPay
            || p2 is 50 or 56 or 57 or 58 or 63 or 67    // Maestro
            || p2 == 60                                  // Maestro / RuPay ranges
            || (d[0] == 1 && length == 15)               // UATP and JCB 1800: fixed length keeps ms timestamps out
            || (p4 == 2131 && length == 15)              // JCB legacy 15-digit
            || p4 == 604;                                // Maestro legacy "0604" range (still produced by test-data generators)
    }
}
