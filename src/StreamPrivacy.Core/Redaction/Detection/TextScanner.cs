namespace StreamPrivacy.Core.Redaction.Detection;

/// <summary>
/// Runs every detector over a text and resolves overlapping candidates: the highest score wins, then
/// the longest span, then the earliest; the result is a list of non-overlapping matches in text order.
/// Thread-safe; callers pass their own lists so scanning clean text allocates nothing.
/// </summary>
public sealed class TextScanner
{
    private readonly IPiiDetector[] _detectors;
    private readonly double _minScore;

    /// <summary>Creates a scanner over <paramref name="detectors"/> ignoring matches scoring below <paramref name="minScore"/>.</summary>
    public TextScanner(IEnumerable<IPiiDetector> detectors, double minScore)
    {
        _detectors = [.. detectors];
        _minScore = minScore;
    }

    /// <summary>The detectors in use.</summary>
    public IReadOnlyList<IPiiDetector> Detectors => _detectors;

    /// <summary>Fills <paramref name="results"/> (cleared first) with the resolved matches; <paramref name="scratch"/> is working space.</summary>
    public void Scan(ReadOnlySpan<char> text, List<PiiMatch> results, List<PiiMatch> scratch)
    {
        results.Clear();
        scratch.Clear();
        if (TextProfile.IsKnownNonPiiShape(text))
        {
            return;
        }

        var profile = TextProfile.Of(text);
        foreach (var detector in _detectors)
        {
            if (profile.MayContain(detector.EntityType))
            {
                detector.Detect(text, scratch);
            }
        }

        if (scratch.Count == 0)
        {
            return;
        }

        scratch.Sort(static (a, b) =>
            b.Score.CompareTo(a.Score) is var byScore and not 0 ? byScore
            : b.Length.CompareTo(a.Length) is var byLength and not 0 ? byLength
            : a.Start.CompareTo(b.Start));
        foreach (var candidate in scratch)
        {
            if (candidate.Score < _minScore || candidate.Length <= 0 || candidate.Start < 0 || candidate.End > text.Length)
            {
                continue; // below the threshold or out of range: skipped here rather than removed (no closure per scan)
            }

            var overlaps = false;
            foreach (var accepted in results)
            {
                if (candidate.Start < accepted.End && accepted.Start < candidate.End)
                {
                    overlaps = true;
                    break;
                }
            }

            if (!overlaps)
            {
                results.Add(candidate);
            }
        }

        results.Sort(static (a, b) => a.Start.CompareTo(b.Start));
    }
}
