using System.Text.Json.Nodes;
using StreamPrivacy.Core.Events;
using StreamPrivacy.Core.Policy;
using StreamPrivacy.Core.Redaction;

namespace StreamPrivacy.Core.Sanitization;

/// <summary>
/// The sanitize transform (DESIGN §2, stage 1) on one parsed event: structural validation, consent
/// filter, data minimisation and subject pseudonymisation. Pure logic: no Kafka, no I/O.
/// </summary>
public sealed class EventSanitizer
{
    private readonly SanitizePolicy _policy;
    private readonly RawEventValidator _validator;
    private readonly ConsentFilter _consent;
    private readonly FieldMinimizer _minimizer;
    private readonly SubjectPseudonymizer _pseudonymizer;

    /// <summary>Creates the transform for <paramref name="policy"/>.</summary>
    public EventSanitizer(SanitizePolicy policy, RawEventValidator validator, SubjectPseudonymizer pseudonymizer)
    {
        policy.Validate();
        _policy = policy;
        _validator = validator;
        _consent = new ConsentFilter(policy.RequiredPurposes);
        _minimizer = new FieldMinimizer(policy.AllowedFields);
        _pseudonymizer = pseudonymizer;
    }

    /// <summary>The policy in force.</summary>
    public SanitizePolicy Policy => _policy;

    /// <summary>Sanitizes <paramref name="evt"/> in place and returns the outcome.</summary>
    public SanitizeResult Sanitize(JsonObject evt, EventKind kind)
    {
        var error = _validator.Validate(evt, kind);
        if (error is not null)
        {
            return SanitizeResult.Rejected(error);
        }

        if (!_consent.IsPermitted(evt))
        {
            return SanitizeResult.NoConsent;
        }

        var removed = _minimizer.Minimize(evt);

        string? pseudonym = null;
        if (evt["subject_id"] is JsonValue subject && subject.TryGetValue<string>(out var subjectId))
        {
            pseudonym = _pseudonymizer.Pseudonymize(subjectId);
            evt["subject_id"] = pseudonym;
            evt["subject_key_id"] = _pseudonymizer.KeyId;
        }

        evt["sanitization"] = new JsonObject
        {
            ["policy_version"] = _policy.Version,
            ["fields_removed"] = removed,
            ["redaction_counts"] = new JsonObject(),
        };
        return new SanitizeResult(SanitizeOutcome.Emitted, evt, pseudonym, null, removed);
    }
}
