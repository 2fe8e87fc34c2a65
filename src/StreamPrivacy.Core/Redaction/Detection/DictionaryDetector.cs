using System.Buffers;
using System.Collections.Frozen;

namespace StreamPrivacy.Core.Redaction.Detection;

/// <summary>
/// A policy-defined detector for a fixed list of terms (names, project code words, internal host names).
/// All terms are searched at once with <see cref="SearchValues{T}"/> of strings (a vectorised multi-string
/// search); at each hit the longest term that matches there is reported, at word boundaries when
/// <c>wholeWord</c> is set. Overlapping hits are all reported: the scanner resolves overlaps.
/// </summary>
public sealed class DictionaryDetector : IPiiDetector
{
    private readonly SearchValues<string> _terms;
    private readonly FrozenDictionary<char, string[]> _byFirstChar;
    private readonly StringComparison _comparison;
    private readonly bool _wholeWord;
    private readonly bool _caseSensitive;
    private readonly double _score;

    /// <summary>Creates a detector reporting <paramref name="entityType"/> for each occurrence of one of <paramref name="terms"/>.</summary>
    /// <param name="entityType">Entity type reported for every hit.</param>
    /// <param name="terms">Terms to find; blank entries are ignored, duplicates collapse.</param>
    /// <param name="caseSensitive">Ordinal comparison when true, ordinal-ignore-case otherwise.</param>
    /// <param name="wholeWord">Only report hits not glued to letters, digits or '_' on either side.</param>
    /// <param name="score">Confidence in [0, 1] reported for each hit.</param>
    public DictionaryDetector(string entityType, IEnumerable<string> terms, bool caseSensitive = false, bool wholeWord = true, double score = 0.85)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entityType);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentOutOfRangeException.ThrowIfNegative(score);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, 1.0);
        _comparison = caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        var comparer = caseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;
        string[] unique = [.. terms.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(comparer).OrderByDescending(t => t.Length)];
        if (unique.Length == 0)
        {
            throw new ArgumentException("At least one non-blank term is required.", nameof(terms));
        }

        _terms = SearchValues.Create(unique, _comparison);

        // Candidates at a hit are looked up by first character, so large dictionaries cost one bucket per hit.
        _caseSensitive = caseSensitive;
        _byFirstChar = unique
            .GroupBy(t => Bucket(t[0], caseSensitive))
            .ToFrozenDictionary(g => g.Key, g => g.ToArray());
        _wholeWord = wholeWord;
        _score = score;
        EntityType = entityType;
    }

    /// <inheritdoc />
    public string EntityType { get; }

    /// <inheritdoc />
    public void Detect(ReadOnlySpan<char> text, List<PiiMatch> results)
    {
        int from = 0;
        while (from < text.Length)
        {
            int rel = text[from..].IndexOfAny(_terms);
            if (rel < 0)
            {
                return;
            }

            int start = from + rel;
            from = start + 1;
            var rest = text[start..];
            if (!_byFirstChar.TryGetValue(Bucket(text[start], _caseSensitive), out var candidates))
            {
                continue;
            }

            foreach (var term in candidates)
            {
                // SearchValues reports where a term starts, not which one: find the longest that fits here
                // (and, for whole words, the longest that also ends on a boundary).
                if (rest.StartsWith(term, _comparison) && (!_wholeWord || IsWholeWord(text, start, start + term.Length)))
                {
                    results.Add(new PiiMatch(start, term.Length, EntityType, _score));
                    break;
                }
            }
        }
    }

    private static char Bucket(char c, bool caseSensitive) => caseSensitive ? c : char.ToUpperInvariant(c);

    private static bool IsWholeWord(ReadOnlySpan<char> text, int start, int end) =>
        (start == 0 || !DetectionText.IsWordChar(text[start - 1]) || !DetectionText.IsWordChar(text[start]))
        && (end >= text.Length || !DetectionText.IsWordChar(text[end]) || !DetectionText.IsWordChar(text[end - 1]));
}
