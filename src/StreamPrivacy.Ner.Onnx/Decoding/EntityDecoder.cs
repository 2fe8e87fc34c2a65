using System.Globalization;
using StreamPrivacy.Core.Redaction.Detection;
using StreamPrivacy.Ner.Onnx.Tokenization;

namespace StreamPrivacy.Ner.Onnx.Decoding;

/// <summary>
/// Turns per-token predictions into entity spans the way transformers' token-classification pipeline does
/// with <c>aggregation_strategy="first"</c>: a word takes the label and score of its first piece
/// (<c>##</c> pieces join it), consecutive words of one type are grouped by their tags, and a span's score
/// is the mean of its words' scores. Stateless.
/// </summary>
internal static class EntityDecoder
{
    /// <summary>
    /// Appends the mapped entities scoring at least <paramref name="minScore"/> to <paramref name="results"/>.
    /// <paramref name="labelIds"/> and <paramref name="scores"/> are each token's arg-max label and its probability.
    /// </summary>
    public static void Decode(
        ReadOnlySpan<char> text,
        ReadOnlySpan<NerToken> tokens,
        ReadOnlySpan<int> labelIds,
        ReadOnlySpan<float> scores,
        NerLabel[] labels,
        double minScore,
        List<PiiMatch> results)
    {
        var group = default(Group);
        var i = 0;
        while (i < tokens.Length)
        {
            var first = i;
            var end = tokens[i].End;
            i++;
            while (i < tokens.Length && !tokens[i].StartsWord)
            {
                end = Math.Max(end, tokens[i].End);
                i++;
            }

            var label = labels[labelIds[first]];
            var start = tokens[first].Start;
            var score = scores[first];
            switch (label.Kind)
            {
                case TagKind.Outside:
                    Emit(ref group, text, minScore, results);
                    break;
                case TagKind.Inside or TagKind.End when group.IsOpen && string.Equals(group.Label.Type, label.Type, StringComparison.Ordinal):
                    group.Add(end, score);
                    break;
                default: // B-, S-, or an I-/E- that does not continue the open entity: a new entity
                    Emit(ref group, text, minScore, results);
                    group = new Group(label, start, end, score);
                    break;
            }

            if (label.Kind is TagKind.End or TagKind.Single)
            {
                Emit(ref group, text, minScore, results);
            }
        }

        Emit(ref group, text, minScore, results);
    }

    private static void Emit(ref Group group, ReadOnlySpan<char> text, double minScore, List<PiiMatch> results)
    {
        if (!group.IsOpen)
        {
            return;
        }

        var current = group;
        group = default;
        if (current.Label.MappedType is not { } entityType)
        {
            return;
        }

        var score = current.ScoreSum / current.Words;
        if (score < minScore)
        {
            return;
        }

        var (start, end) = Trim(text, current.Start, current.End);
        if (end > start)
        {
            results.Add(new PiiMatch(start, end - start, entityType, score));
        }
    }

    /// <summary>Drops surrounding whitespace and punctuation; keeps combining marks that follow the last character.</summary>
    internal static (int Start, int End) Trim(ReadOnlySpan<char> text, int start, int end)
    {
        while (start < end && IsBoundaryNoise(text[start]))
        {
            start++;
        }

        while (end > start && IsBoundaryNoise(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            while (end < text.Length && CharUnicodeInfo.GetUnicodeCategory(text[end])
                is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                end++;
            }
        }

        return (start, end);
    }

    private static bool IsBoundaryNoise(char c) => char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c) || char.IsControl(c);

    private struct Group(NerLabel label, int start, int end, double score)
    {
        public readonly NerLabel Label = label;
        public readonly int Start = start;
        public int End = end;
        public double ScoreSum = score;
        public int Words = 1;

        public readonly bool IsOpen => Words > 0;

        public void Add(int end, double score)
        {
            End = Math.Max(End, end);
            ScoreSum += score;
            Words++;
        }
    }
}
