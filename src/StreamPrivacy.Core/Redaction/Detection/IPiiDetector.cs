namespace StreamPrivacy.Core.Redaction.Detection;

/// <summary>
/// Finds entities of one kind in a text. Implementations are thread-safe and stateless per call,
/// allocate nothing for text without candidates (use a <c>SearchValues</c> prefilter), and append
/// matches (any order, overlaps allowed: the scanner resolves them) to <c>results</c>.
/// </summary>
public interface IPiiDetector
{
    /// <summary>The entity type this detector reports.</summary>
    string EntityType { get; }

    /// <summary>Appends every match in <paramref name="text"/> to <paramref name="results"/>.</summary>
    void Detect(ReadOnlySpan<char> text, List<PiiMatch> results);
}
