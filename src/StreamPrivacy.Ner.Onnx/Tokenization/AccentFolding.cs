namespace StreamPrivacy.Ner.Onnx.Tokenization;

/// <summary>
/// BERT's <c>strip_accents</c> for one code point: its canonical decomposition (NFD) without the
/// non-spacing marks. A table rather than <see cref="string.Normalize()"/>, which does nothing under
/// <c>InvariantGlobalization</c> (set for every project here); Hangul syllables are decomposed
/// arithmetically (Unicode §3.12), as NFD does.
/// </summary>
internal static partial class AccentFolding
{
    private const int HangulFirst = 0xAC00;
    private const int HangulCount = 11172;
    private const int LeadingBase = 0x1100;
    private const int VowelBase = 0x1161;
    private const int TrailingBase = 0x11A7;
    private const int TrailingCount = 28;
    private const int VowelTrailingCount = 588;

    /// <summary>The longest folded form in UTF-16 units.</summary>
    public const int MaxFoldedLength = 6;

    /// <summary>
    /// Writes the folded form of <paramref name="codePoint"/> to <paramref name="destination"/> (at least
    /// <see cref="MaxFoldedLength"/> long) and returns its length, or -1 when the code point folds to itself.
    /// </summary>
    public static int Fold(int codePoint, Span<char> destination)
    {
        if (codePoint < 0xC0)
        {
            return -1;
        }

        var syllable = codePoint - HangulFirst;
        if ((uint)syllable < HangulCount)
        {
            destination[0] = (char)(LeadingBase + (syllable / VowelTrailingCount));
            destination[1] = (char)(VowelBase + (syllable % VowelTrailingCount / TrailingCount));
            var trailing = syllable % TrailingCount;
            if (trailing == 0)
            {
                return 2;
            }

            destination[2] = (char)(TrailingBase + trailing);
            return 3;
        }

        var index = CodePoints.BinarySearch(codePoint);
        if (index < 0)
        {
            return -1;
        }

        var start = FoldedOffsets[index];
        var length = FoldedOffsets[index + 1] - start;
        Folded.AsSpan(start, length).CopyTo(destination);
        return length;
    }
}
