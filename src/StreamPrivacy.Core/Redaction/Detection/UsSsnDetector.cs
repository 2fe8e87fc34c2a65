namespace StreamPrivacy.Core.Redaction.Detection;

/// <summary>
/// Finds US social security numbers written AAA-GG-SSSS, AAA GG SSSS, AAA.GG.SSSS, AAA/GG/SSSS or AAA_GG_SSSS (one separator
/// kind; en dashes and Unicode spaces arrive as '-' and ' ' from the scanner's normalised view), and nine
/// contiguous digits only when a context word ("ssn", "social security", "ss#", "soc sec") appears within
/// the 40 characters before or after them ("used 536221234 as my SSN"): bare nine-digit numbers are mostly ids, and the
/// SSA never prints SSNs that way (the scanner still reports a bare one that is disguised or stands next to other
/// personal data: <see cref="BareSsnRule"/>).
/// Numbers the SSA never issues are rejected: area 000, 666 or 900–999, group 00, serial 0000, a single repeated
/// digit, and the well-known public examples 078-05-1120 (Woolworth wallet card), 219-09-9999 (advertising) and
/// 123-45-6789 (the canonical placeholder, also rejected by Presidio).
/// </summary>
public sealed class UsSsnDetector : IPiiDetector
{
    private const double SeparatedScore = 0.85;
    private const double ContextScore = 0.8;
    private const int ContextWindow = 40;

    private static readonly string[] ContextWords = ["ssn", "social security", "social-security", "ss#", "soc sec", "ss no"];

    /// <inheritdoc />
    public string EntityType => EntityTypes.UsSsn;

    /// <inheritdoc />
    public void Detect(ReadOnlySpan<char> text, List<PiiMatch> results)
    {
        int from = 0;
        while (from < text.Length)
        {
            int rel = text[from..].IndexOfAny(DetectionText.Digits);
            if (rel < 0)
            {
                return;
            }

            int start = from + rel;
            int runEnd = DetectionText.SkipDigits(text, start);
            from = runEnd;
            if (!DetectionText.IsTokenStart(text, start))
            {
                continue;
            }

            int runLength = runEnd - start;
            if (runLength == 3 && runEnd + 8 <= text.Length)
            {
                char sep = text[runEnd];
                int end = runEnd + 8;
                if ((sep is '-' or ' ' or '.' or '/' or '_')
                    && IsDigits(text.Slice(runEnd + 1, 2)) && text[runEnd + 3] == sep && IsDigits(text.Slice(runEnd + 4, 4))
                    && DetectionText.IsTokenEnd(text, end)
                    && (end >= text.Length || text[end] != sep || end + 1 >= text.Length || !char.IsAsciiDigit(text[end + 1])))
                {
                    if (IsValid(text[start..runEnd], text.Slice(runEnd + 1, 2), text.Slice(runEnd + 4, 4)))
                    {
                        results.Add(new PiiMatch(start, end - start, EntityType, SeparatedScore));
                    }

                    from = end;
                }
            }
            else if (runLength == 9 && DetectionText.IsTokenEnd(text, runEnd)
                && (HasContext(text[Math.Max(0, start - ContextWindow)..start]) || HasContext(text[runEnd..Math.Min(text.Length, runEnd + ContextWindow)]))
                && IsValid(text.Slice(start, 3), text.Slice(start + 3, 2), text.Slice(start + 5, 4)))
            {
                results.Add(new PiiMatch(start, 9, EntityType, ContextScore));
            }
        }
    }

    /// <summary>SSA issuance rules plus the publicly known invalid numbers.</summary>
    internal static bool IsValid(ReadOnlySpan<char> area, ReadOnlySpan<char> group, ReadOnlySpan<char> serial)
    {
        if (area.SequenceEqual("000") || area.SequenceEqual("666") || area[0] == '9'
            || group.SequenceEqual("00") || serial.SequenceEqual("0000"))
        {
            return false;
        }

        if (!area.ContainsAnyExcept(area[0]) && !group.ContainsAnyExcept(area[0]) && !serial.ContainsAnyExcept(area[0]))
        {
            return false;
        }

        return !Is(area, group, serial, "078", "05", "1120")
            && !Is(area, group, serial, "219", "09", "9999")
            && !Is(area, group, serial, "123", "45", "6789");
    }

    private static bool Is(ReadOnlySpan<char> area, ReadOnlySpan<char> group, ReadOnlySpan<char> serial, string a, string g, string s) =>
        area.SequenceEqual(a) && group.SequenceEqual(g) && serial.SequenceEqual(s);

    private static bool IsDigits(ReadOnlySpan<char> span) => !span.ContainsAnyExcept(DetectionText.Digits);

    /// <summary>True when <paramref name="before"/> contains an SSN context word (case-insensitive).</summary>
    internal static bool HasContext(ReadOnlySpan<char> before)
    {
        foreach (var word in ContextWords)
        {
            if (before.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
