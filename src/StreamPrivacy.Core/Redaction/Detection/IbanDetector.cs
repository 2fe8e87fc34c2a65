namespace StreamPrivacy.Core.Redaction.Detection;

/// <summary>
/// Finds IBANs: a registered country code, two check digits and the BBAN, either contiguous or printed in
/// groups of four separated by single spaces or dashes, in any letter case. The total length must match the SWIFT
/// registry entry for the country and the ISO 7064 MOD 97-10 remainder must be 1, so look-alikes with a wrong
/// length or bad check digits are never reported.
/// </summary>
public sealed class IbanDetector : IPiiDetector
{
    private const double Score = 1.0;

    /// <inheritdoc />
    public string EntityType => EntityTypes.IbanCode;

    /// <inheritdoc />
    public void Detect(ReadOnlySpan<char> text, List<PiiMatch> results)
    {
        int from = 2;
        while (from < text.Length - 1)
        {
            // Every IBAN has two letters followed by two digits: anchor on digits to skip plain prose fast.
            int rel = text[from..].IndexOfAny(DetectionText.Digits);
            if (rel < 0)
            {
                return;
            }

            int p = from + rel;
            from = p + 1;
            int start = p - 2;
            if (p + 1 >= text.Length || !char.IsAsciiDigit(text[p + 1])
                || !char.IsAsciiLetter(text[start]) || !char.IsAsciiLetter(text[start + 1])
                || (start > 0 && DetectionText.IsWordChar(text[start - 1])))
            {
                continue;
            }

            int length = IbanRegistry.LengthFor(text[start], text[start + 1]);
            if (length == 0)
            {
                continue;
            }

            int end = Collect(text, start, length);
            if (end > 0 && Checksums.Mod97(text[start..end]))
            {
                results.Add(new PiiMatch(start, end - start, EntityType, Score));
                from = end;
            }
        }
    }

    /// <summary>End of an IBAN of exactly <paramref name="length"/> alphanumerics starting at <paramref name="start"/>, or -1.</summary>
    private static int Collect(ReadOnlySpan<char> text, int start, int length)
    {
        int count = 0, i = start;
        while (count < length && i < text.Length)
        {
            char c = text[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                count++;
                i++;
            }
            else if (c is ' ' or '-' && count % 4 == 0 && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        return count == length && (i >= text.Length || !DetectionText.IsWordChar(text[i])) ? i : -1;
    }
}
