using StreamPrivacy.Core.Redaction.Detection.Text;

namespace StreamPrivacy.Core.Redaction.Detection;

/// <summary>
/// Nine contiguous digits that pass the SSA's rules are reported as a US SSN without a context word in two cases
/// where an identifier is unlikely: the digits were disguised — written with zero-width or soft-hyphen characters
/// inside, or in full-width or another script's digits (nobody hides an order number) — or they stand right next to
/// other personal data (a name, a phone or card number, an e-mail address: a record about a person, "Felipe Gomes
/// 281809309"). Applied by the scanner after the detectors, on the normalised view.
/// </summary>
internal static class BareSsnRule
{
    /// <summary>Score of an SSN found by this rule.</summary>
    public const double Score = 0.6;

    private const int MaxGap = 3;

    private static readonly System.Buffers.SearchValues<char> Separators = System.Buffers.SearchValues.Create(" ,;:/-|()");

    /// <summary>Adds an SSN candidate for every such run in <paramref name="view"/> not already covered by a candidate.</summary>
    public static void AddCandidates(ReadOnlySpan<char> view, NormalizedText? map, List<PiiMatch> candidates, double minScore)
    {
        var from = 0;
        var count = candidates.Count;
        while (from < view.Length)
        {
            var rel = view[from..].IndexOfAny(DetectionText.Digits);
            if (rel < 0)
            {
                return;
            }

            var start = from + rel;
            var end = DetectionText.SkipDigits(view, start);
            from = end;
            if (end - start != 9 || !DetectionText.IsTokenStart(view, start) || !DetectionText.IsTokenEnd(view, end)
                || !UsSsnDetector.IsValid(view.Slice(start, 3), view.Slice(start + 3, 2), view.Slice(start + 5, 4))
                || Covered(candidates, count, start, end, minScore))
            {
                continue;
            }

            if (IsDisguised(map, start) || HasNeighbour(view, candidates, count, start, end, minScore))
            {
                candidates.Add(new PiiMatch(start, 9, EntityTypes.UsSsn, Score));
            }
        }
    }

    private static bool IsDisguised(NormalizedText? map, int start) => map?.IsDisguised(start, 9) == true;

    private static bool Covered(List<PiiMatch> candidates, int count, int start, int end, double minScore)
    {
        for (var i = 0; i < count; i++)
        {
            var c = candidates[i];
            if (c.Score >= minScore && c.Start < end && start < c.End)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasNeighbour(ReadOnlySpan<char> view, List<PiiMatch> candidates, int count, int start, int end, double minScore)
    {
        for (var i = 0; i < count; i++)
        {
            var c = candidates[i];
            if (c.Score < minScore)
            {
                continue;
            }

            if ((c.End <= start && start - c.End <= MaxGap && IsSeparator(view[c.End..start]))
                || (c.Start >= end && c.Start - end <= MaxGap && IsSeparator(view[end..c.Start])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSeparator(ReadOnlySpan<char> gap) => !gap.ContainsAnyExcept(Separators);
}
