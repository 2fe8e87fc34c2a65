using StreamPrivacy.Core.Events;

namespace StreamPrivacy.Core.Sanitization;

/// <summary>The result of sanitizing one event; on <see cref="SanitizeOutcome.Emitted"/> the sanitized JSON is in the caller's buffer.</summary>
/// <param name="Outcome">Emitted, dropped for consent, rejected or withheld.</param>
/// <param name="SubjectPseudonym">The subject's pseudonym (the output record key), if the event has a subject.</param>
/// <param name="Error">Why the event was rejected or withheld.</param>
/// <param name="Redactions">Values replaced in the event.</param>
public readonly record struct SanitizeResult(SanitizeOutcome Outcome, string? SubjectPseudonym, InputError? Error, int Redactions);
