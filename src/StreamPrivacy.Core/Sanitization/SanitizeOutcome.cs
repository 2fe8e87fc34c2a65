namespace StreamPrivacy.Core.Sanitization;

/// <summary>What the sanitize transform did with one event.</summary>
public enum SanitizeOutcome
{
    /// <summary>The event passed and its sanitized form is to be produced.</summary>
    Emitted,

    /// <summary>The event lacked a required consent purpose: dropped and counted.</summary>
    DroppedNoConsent,

    /// <summary>The event was malformed: counted with a reason and dead-lettered.</summary>
    Rejected,

    /// <summary>Post-redaction verification found PII in the sanitized form: withheld, counted and dead-lettered (encrypted).</summary>
    Withheld,
}
