namespace StreamPrivacy.Core.Redaction.Detection;

/// <summary>A detected PII entity inside a text: character offset, length, entity type and confidence.</summary>
/// <param name="Start">Offset of the first character (UTF-16 index into the scanned text).</param>
/// <param name="Length">Length in characters.</param>
/// <param name="EntityType">Presidio-style entity type, e.g. <c>EMAIL_ADDRESS</c> (see <see cref="EntityTypes"/>).</param>
/// <param name="Score">Confidence in [0, 1]; validated matches (checksum passed) score higher.</param>
public readonly record struct PiiMatch(int Start, int Length, string EntityType, double Score)
{
    /// <summary>Offset just past the last character.</summary>
    public int End => Start + Length;
}
