using System.Runtime.InteropServices;
using StreamPrivacy.Core.Redaction.Detection.Person;
using StreamPrivacy.Core.Redaction.Detection.Text;

namespace StreamPrivacy.Core.Redaction.Detection;

/// <summary>
/// Runs every detector over a text and resolves the candidates into non-overlapping matches in text order.
/// Detection runs on the text's normalised view (<see cref="NormalizedText"/>: Unicode spaces, dashes, digits
/// and compatibility forms unified, invisible characters skipped) and every match is mapped back to the
/// original characters, so the original span is what gets redacted. Thread-safe; callers pass their own
/// lists so scanning clean ASCII text allocates nothing.
/// </summary>
/// <remarks>
/// Resolution: candidates of one entity type that overlap are merged into their union; then the highest
/// score wins, then the longest span, then the earliest. A candidate that loses to another keeps the
/// characters no winner covers ("(702) 934-1693 81.200.245.78": the phone's digits before the address),
/// so every character of every candidate at or above the threshold is redacted, and two entities that
/// touch are both redacted instead of one of them passing through.
/// </remarks>
public sealed class TextScanner
{
    [ThreadStatic]
    private static NormalizedText? t_view;

    private readonly IPiiDetector[] _detectors;
    private readonly IPiiDetector[] _plain;
    private readonly IContextualPiiDetector[] _contextual;
    private readonly bool _person;
    private readonly double _minScore;

    /// <summary>Creates a scanner over <paramref name="detectors"/> ignoring matches scoring below <paramref name="minScore"/>.</summary>
    public TextScanner(IEnumerable<IPiiDetector> detectors, double minScore)
    {
        _detectors = [.. detectors];
        _plain = [.. _detectors.Where(d => d is not IContextualPiiDetector)];
        _contextual = [.. _detectors.OfType<IContextualPiiDetector>()];
        _person = _detectors.Any(d => d.EntityType == EntityTypes.Person);
        _minScore = minScore;
    }

    /// <summary>The detectors in use.</summary>
    public IReadOnlyList<IPiiDetector> Detectors => _detectors;

    /// <summary>The score below which candidates are ignored.</summary>
    public double MinScore => _minScore;

    /// <summary>Fills <paramref name="results"/> (cleared first) with the resolved matches; <paramref name="scratch"/> is working space.</summary>
    public void Scan(ReadOnlySpan<char> text, List<PiiMatch> results, List<PiiMatch> scratch) => Scan(text, results, scratch, FieldHint.None);

    /// <summary>
    /// Fills <paramref name="results"/> (cleared first) with the resolved matches of a value whose field name
    /// implies <paramref name="hint"/>; <paramref name="scratch"/> is working space.
    /// </summary>
    public void Scan(ReadOnlySpan<char> text, List<PiiMatch> results, List<PiiMatch> scratch, FieldHint hint)
    {
        results.Clear();
        scratch.Clear();
        NormalizedText? map = null;
        var view = text;
        if (NormalizedText.IsNeeded(text))
        {
            map = t_view ??= new NormalizedText();
            view = map.Build(text);
        }

        if (hint == FieldHint.None && TextProfile.IsKnownNonPiiShape(view))
        {
            return;
        }

        var profile = TextProfile.Of(view);
        foreach (var detector in _plain)
        {
            if (profile.MayContain(detector.EntityType))
            {
                detector.Detect(view, scratch);
            }
        }

        if (_contextual.Length > 0)
        {
            // Words-in-context detectors run last and see the other entities (those at or above the threshold) as
            // opaque; results is empty here and serves as their output buffer.
            RemoveBelowThreshold(scratch, view.Length);
            foreach (var detector in _contextual)
            {
                detector.Detect(view, CollectionsMarshal.AsSpan(scratch), results);
            }

            scratch.AddRange(results);
            results.Clear();
        }

        if (profile.Digits >= 9)
        {
            BareSsnRule.AddCandidates(view, map, scratch, _minScore);
        }

        if (hint != FieldHint.None && HintedMatch(hint, view) is { } hinted)
        {
            scratch.Add(hinted);
        }

        if (scratch.Count == 0)
        {
            return;
        }

        Resolve(view, scratch, results);
        if (map is not null)
        {
            ToOriginal(map, results);
        }
    }

    private PiiMatch? HintedMatch(FieldHint hint, ReadOnlySpan<char> view) => hint switch
    {
        FieldHint.Person => _person ? PersonNameShape.WholeValueMatch(view) : null, // null: PERSON disabled by the policy
        _ => HintedValues.Match(hint, view),
    };

    private void RemoveBelowThreshold(List<PiiMatch> candidates, int textLength)
    {
        var kept = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (c.Score >= _minScore && c.Length > 0 && c.Start >= 0 && c.End <= textLength)
            {
                candidates[kept++] = c; // in place: no closure per scan
            }
        }

        candidates.RemoveRange(kept, candidates.Count - kept);
    }

    private void Resolve(ReadOnlySpan<char> text, List<PiiMatch> candidates, List<PiiMatch> results)
    {
        RemoveBelowThreshold(candidates, text.Length);
        MergeSameType(candidates);
        candidates.Sort(static (a, b) =>
            b.Score.CompareTo(a.Score) is var byScore and not 0 ? byScore
            : b.Length.CompareTo(a.Length) is var byLength and not 0 ? byLength
            : a.Start.CompareTo(b.Start));
        foreach (var candidate in candidates)
        {
            if (!Overlaps(results, candidate.Start, candidate.End))
            {
                results.Add(candidate);
            }
        }

        if (results.Count < candidates.Count)
        {
            KeepUncoveredParts(text, candidates, results);
        }

        results.Sort(static (a, b) => a.Start.CompareTo(b.Start));
    }

    /// <summary>Unions overlapping candidates of one entity type (several detectors or layouts agreeing), combining scores as independent evidence.</summary>
    private static void MergeSameType(List<PiiMatch> candidates)
    {
        if (candidates.Count < 2)
        {
            return;
        }

        candidates.Sort(static (a, b) =>
            string.CompareOrdinal(a.EntityType, b.EntityType) is var byType and not 0 ? byType : a.Start.CompareTo(b.Start));
        var write = 0;
        for (var read = 1; read < candidates.Count; read++)
        {
            var current = candidates[write];
            var next = candidates[read];
            if (ReferenceEquals(current.EntityType, next.EntityType) || current.EntityType == next.EntityType)
            {
                if (next.Start < current.End)
                {
                    var end = Math.Max(current.End, next.End);
                    var score = Math.Min(1.0, 1 - ((1 - current.Score) * (1 - next.Score)));
                    candidates[write] = new PiiMatch(current.Start, end - current.Start, current.EntityType, score);
                    continue;
                }
            }

            candidates[++write] = next;
        }

        candidates.RemoveRange(write + 1, candidates.Count - write - 1);
    }

    /// <summary>Adds, for every candidate that lost to an overlapping one, the parts of it no accepted match covers.</summary>
    private static void KeepUncoveredParts(ReadOnlySpan<char> text, List<PiiMatch> candidates, List<PiiMatch> results)
    {
        foreach (var candidate in candidates)
        {
            if (results.Contains(candidate))
            {
                continue;
            }

            var position = candidate.Start;
            while (position < candidate.End)
            {
                var blockedAt = candidate.End;
                var resumeAt = candidate.End;
                foreach (var accepted in results)
                {
                    if (accepted.End > position && accepted.Start < blockedAt)
                    {
                        blockedAt = Math.Max(position, accepted.Start);
                        resumeAt = accepted.End;
                    }
                }

                var (partStart, partEnd) = (position, blockedAt);
                while (partStart < partEnd && !char.IsLetterOrDigit(text[partStart]))
                {
                    partStart++;
                }

                while (partEnd > partStart && !char.IsLetterOrDigit(text[partEnd - 1]))
                {
                    partEnd--;
                }

                if (partEnd > partStart)
                {
                    results.Add(new PiiMatch(partStart, partEnd - partStart, candidate.EntityType, candidate.Score));
                }

                position = Math.Max(resumeAt, blockedAt);
            }
        }
    }

    private static bool Overlaps(List<PiiMatch> accepted, int start, int end)
    {
        foreach (var match in accepted)
        {
            if (start < match.End && match.Start < end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Maps view matches to the original text; matches that meet inside one original character are joined.</summary>
    private static void ToOriginal(NormalizedText map, List<PiiMatch> results)
    {
        var write = -1;
        for (var i = 0; i < results.Count; i++)
        {
            var match = results[i];
            var (start, length) = map.ToOriginal(match.Start, match.Length);
            var mapped = new PiiMatch(start, length, match.EntityType, match.Score);
            if (write >= 0 && mapped.Start < results[write].End)
            {
                var previous = results[write];
                results[write] = previous with { Length = Math.Max(previous.End, mapped.End) - previous.Start };
                continue;
            }

            results[++write] = mapped;
        }

        results.RemoveRange(write + 1, results.Count - write - 1);
    }
}
