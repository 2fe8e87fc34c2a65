using System.Text.Json.Nodes;
using StreamPrivacy.Core.Events;

namespace StreamPrivacy.Core.Sanitization;

/// <summary>The result of sanitizing one event.</summary>
/// <param name="Outcome">Emitted, dropped for consent, or rejected.</param>
/// <param name="Event">The sanitized event when emitted.</param>
/// <param name="SubjectPseudonym">The subject's pseudonym (the output record key), if the event has a subject.</param>
/// <param name="Error">Why the event was rejected.</param>
/// <param name="FieldsRemoved">Fields removed by minimisation.</param>
public sealed record SanitizeResult(
    SanitizeOutcome Outcome,
    JsonObject? Event,
    string? SubjectPseudonym,
    InputError? Error,
    int FieldsRemoved)
{
    internal static SanitizeResult Rejected(InputError error) => new(SanitizeOutcome.Rejected, null, null, error, 0);

    internal static SanitizeResult NoConsent { get; } = new(SanitizeOutcome.DroppedNoConsent, null, null, null, 0);
}
