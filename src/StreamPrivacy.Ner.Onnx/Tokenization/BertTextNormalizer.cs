using System.Globalization;
using System.Text;

namespace StreamPrivacy.Ner.Onnx.Tokenization;

/// <summary>
/// The normalization of Hugging Face's <c>BertNormalizer</c> (clean text, isolate CJK ideographs, strip
/// accents, lowercase — in that order), done one code point at a time so that every normalized character
/// remembers where it came from. Microsoft.ML.Tokenizers' own normalizer reports offsets into its output
/// only, drops tabs and newlines instead of turning them into spaces, and relies on
/// <see cref="string.Normalize()"/>, which is a no-op under <c>InvariantGlobalization</c>.
/// Stateless and thread-safe.
/// </summary>
internal sealed class BertTextNormalizer(bool lowerCase, bool stripAccents, bool isolateCjk)
{
    public bool LowerCase => lowerCase;

    public bool StripAccents => stripAccents;

    public bool IsolateCjk => isolateCjk;

    public NormalizedText Normalize(ReadOnlySpan<char> text)
    {
        var result = new NormalizedText(text.Length + (text.Length / 4));
        Span<char> folded = stackalloc char[AccentFolding.MaxFoldedLength];
        var i = 0;
        while (i < text.Length)
        {
            if (Rune.DecodeFromUtf16(text[i..], out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                i += Math.Max(consumed, 1); // lone surrogate: dropped, like any other invalid character
                continue;
            }

            var start = i;
            var end = i + consumed;
            i = end;
            var value = rune.Value;
            if (value is 0 or 0xFFFD)
            {
                continue;
            }

            if (value is '\t' or '\n' or '\r' or ' ')
            {
                result.Append(' ', start, end);
                continue;
            }

            var category = Rune.GetUnicodeCategory(rune);
            switch (category)
            {
                case UnicodeCategory.SpaceSeparator:
                    result.Append(' ', start, end);
                    continue;
                case UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned
                    or UnicodeCategory.PrivateUse:
                    continue;
                default:
                    break;
            }

            if (isolateCjk && IsCjkIdeograph(value))
            {
                result.Append(' ', start, end);
                AppendRune(result, rune, lower: false, start, end);
                result.Append(' ', start, end);
                continue;
            }

            if (stripAccents)
            {
                if (category == UnicodeCategory.NonSpacingMark)
                {
                    continue;
                }

                var length = AccentFolding.Fold(value, folded);
                if (length >= 0)
                {
                    foreach (var c in folded[..length])
                    {
                        result.Append(lowerCase ? char.ToLowerInvariant(c) : c, start, end);
                    }

                    continue;
                }
            }

            AppendRune(result, rune, lowerCase, start, end);
        }

        return result;
    }

    private static void AppendRune(NormalizedText result, Rune rune, bool lower, int start, int end)
    {
        if (lower)
        {
            rune = Rune.ToLowerInvariant(rune);
        }

        Span<char> units = stackalloc char[2];
        var written = rune.EncodeToUtf16(units);
        for (var k = 0; k < written; k++)
        {
            result.Append(units[k], start, end);
        }
    }

    /// <summary>The "Chinese character" ranges of BERT's basic tokenizer (CJK Unified Ideographs and extensions).</summary>
    internal static bool IsCjkIdeograph(int cp) =>
        cp is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x20000 and <= 0x2A6DF)
            or (>= 0x2A700 and <= 0x2B73F) or (>= 0x2B740 and <= 0x2B81F) or (>= 0x2B820 and <= 0x2CEAF)
            or (>= 0xF900 and <= 0xFAFF) or (>= 0x2F800 and <= 0x2FA1F);
}
