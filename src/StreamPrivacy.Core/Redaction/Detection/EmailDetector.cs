using System.Buffers;

namespace StreamPrivacy.Core.Redaction.Detection;

/// <summary>
/// Finds e-mail addresses: an RFC 5322 "dot-atom" local part (no leading, trailing or doubled dots) or a quoted
/// one (<c>"john.doe"@example.com</c>), and a domain of at least two DNS labels whose last label (the TLD) is at
/// least two letters or an A-label (<c>xn--…</c>). Internationalised addresses (RFC 6531) are found too: letters and
/// digits of any script in the local part and the labels (<c>user@bücher.de</c>, <c>user@example.москва</c>,
/// <c>用户@例子.广告</c>); a full-width '＠' arrives as '@' from the scanner's normalised view. Address literals
/// (<c>user@[10.0.0.1]</c>) are not recognised.
/// </summary>
public sealed class EmailDetector : IPiiDetector
{
    private const double Score = 0.95;

    // atext of RFC 5322 plus '.', minus characters that in running text are almost always delimiters
    // rather than part of an address ('`', '{', '|', '}', '/', the double quote, and '=' so that
    // "email=jo@x.io" in key=value logs yields the address alone); an apostrophe stays (O'Neil) but
    // leading punctuation is trimmed, so a quoted 'address' still yields the bare address.
    private static readonly SearchValues<char> LocalChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.!#$%&'*+?^_~-");

    private static readonly SearchValues<char> AsciiLetters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <inheritdoc />
    public string EntityType => EntityTypes.EmailAddress;

    /// <inheritdoc />
    public void Detect(ReadOnlySpan<char> text, List<PiiMatch> results)
    {
        int from = 0;
        while (from < text.Length)
        {
            int rel = text[from..].IndexOf('@');
            if (rel < 0)
            {
                return;
            }

            int at = from + rel;
            int start = LocalPartStart(text, at);
            int end = start >= 0 ? DomainEnd(text, at + 1) : -1;
            if (start >= 0 && end > 0)
            {
                results.Add(new PiiMatch(start, end - start, EntityType, Score));
                from = end;
            }
            else
            {
                from = at + 1;
            }
        }
    }

    /// <summary>Start of a valid local part ending just before <paramref name="at"/>, or -1.</summary>
    private static int LocalPartStart(ReadOnlySpan<char> text, int at)
    {
        // The scan is bounded so that a long run of '@'-separated junk cannot make detection quadratic;
        // anything longer than 64 characters is not a valid local part anyway.
        int start = at, limit = Math.Max(0, at - 256);
        if (at > 0 && text[at - 1] == '"')
        {
            return QuotedLocalPartStart(text, at);
        }

        while (start > limit && IsLocalChar(text[start - 1]))
        {
            start--;
        }

        // A doubled dot cannot be inside an address: keep only what follows the last one.
        int dots = text[start..at].LastIndexOf("..");
        if (dots >= 0)
        {
            start += dots + 2;
        }

        // Punctuation glued to the front (quotes, '=', '-') is text, not address: start at a letter or digit.
        while (start < at && !IsAlphanumeric(text[start]))
        {
            start++;
        }

        if (at - start > 64 && !System.Text.Ascii.IsValid(text[start..at]))
        {
            start = at - 64; // unspaced text in another script runs into the address: keep the part that can be one
        }

        if (start == at || text[at - 1] == '.' || at - start > 64)
        {
            return -1;
        }

        return start;
    }

    /// <summary>End (exclusive) of a valid domain starting at <paramref name="start"/>, or -1.</summary>
    private static int DomainEnd(ReadOnlySpan<char> text, int start)
    {
        int i = start, labels = 0, lastLabelStart = -1, lastLabelEnd = -1, validEnd = -1;
        while (true)
        {
            int labelStart = i;
            while (i < text.Length && (IsAlphanumeric(text[i]) || text[i] == '-'))
            {
                i++;
            }

            int labelLength = i - labelStart;
            if (labelLength == 0 || labelLength > 63 || text[labelStart] == '-' || text[i - 1] == '-')
            {
                break;
            }

            labels++;
            lastLabelStart = labelStart;
            lastLabelEnd = i;
            if (labels >= 2 && IsTld(text[lastLabelStart..lastLabelEnd]))
            {
                validEnd = lastLabelEnd;
            }

            // Continue only over a single dot followed by another label character.
            if (i + 1 < text.Length && text[i] == '.' && IsAlphanumeric(text[i + 1]))
            {
                i++;
                continue;
            }

            break;
        }

        // The address must not run straight into a word character (e.g. non-ASCII letters) or an '@'.
        if (validEnd > 0 && validEnd < text.Length && (DetectionText.IsWordChar(text[validEnd]) || text[validEnd] == '@'))
        {
            return validEnd == lastLabelEnd ? -1 : validEnd;
        }

        return validEnd;
    }

    private static bool IsTld(ReadOnlySpan<char> label)
    {
        if (label.Length < 2)
        {
            return false;
        }

        if (label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase))
        {
            return label.Length > 4; // an internationalised TLD in its ASCII (punycode) form
        }

        if (!label.ContainsAnyExcept(AsciiLetters))
        {
            return true;
        }

        foreach (var c in label)
        {
            if (c < 0x80 || !IsInternationalAlphanumeric(c) || char.IsDigit(c))
            {
                return false; // a TLD in another script is letters (and their marks) only, never mixed with ASCII
            }
        }

        return true;
    }

    /// <summary>Start of a quoted local part ("john doe"@…) whose closing quote is just before <paramref name="at"/>, or -1.</summary>
    private static int QuotedLocalPartStart(ReadOnlySpan<char> text, int at)
    {
        var limit = Math.Max(0, at - 66);
        for (var i = at - 2; i >= limit; i--)
        {
            var c = text[i];
            if (c == '"')
            {
                var content = at - 1 - (i + 1);
                return content > 0 && (i == 0 || !DetectionText.IsWordChar(text[i - 1])) ? i : -1;
            }

            if (c is '\n' or '\r')
            {
                return -1;
            }
        }

        return -1;
    }

    private static bool IsLocalChar(char c) => LocalChars.Contains(c) || IsInternationalAlphanumeric(c);

    private static bool IsAlphanumeric(char c) => char.IsAsciiLetterOrDigit(c) || IsInternationalAlphanumeric(c);

    /// <summary>A letter or digit of any script, or a combining mark (the vowel signs of Devanagari, Bengali, Thai: "भारत").</summary>
    private static bool IsInternationalAlphanumeric(char c) =>
        c >= 0x80 && (char.IsLetterOrDigit(c) || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c)
            is System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.NonSpacingMark);
}
