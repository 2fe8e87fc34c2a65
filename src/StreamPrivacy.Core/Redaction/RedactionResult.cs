namespace StreamPrivacy.Core.Redaction;

/// <summary>The outcome of redacting one document.</summary>
/// <param name="SubjectPseudonym">The pseudonym written for the subject field, if there was one.</param>
/// <param name="Redactions">Values replaced in this document (detections and field rules).</param>
public readonly record struct RedactionResult(string? SubjectPseudonym, int Redactions);
