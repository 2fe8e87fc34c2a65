namespace StreamPrivacy.Core.Redaction.Detection;

/// <summary>
/// A detector that weighs the words around a candidate (names: "Dear …", "… said"). The scanner runs it after
/// the other detectors and passes their findings: text that is another entity (an e-mail address, a MAC
/// address, a redaction token such as <c>&lt;EMAIL_ADDRESS&gt;</c>) is not words to it. So the same words count
/// whether a value is still in the text or already replaced — which keeps the post-redaction scan of a
/// redacted text from finding what the first scan of the original did not.
/// </summary>
public interface IContextualPiiDetector : IPiiDetector
{
    /// <summary>Appends every match in <paramref name="text"/> to <paramref name="results"/>, treating <paramref name="entities"/> (other detectors' findings) as opaque.</summary>
    void Detect(ReadOnlySpan<char> text, ReadOnlySpan<PiiMatch> entities, List<PiiMatch> results);
}
