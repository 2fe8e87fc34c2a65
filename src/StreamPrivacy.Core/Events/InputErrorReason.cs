namespace StreamPrivacy.Core.Events;

/// <summary>
/// Why an input record could not be processed. Every rejected record is counted under exactly one
/// reason and routed to the dead-letter topic; the reason never carries a value from the record.
/// </summary>
public enum InputErrorReason
{
    /// <summary>The payload is not well-formed JSON.</summary>
    MalformedJson,

    /// <summary>The payload is not valid UTF-8.</summary>
    InvalidUtf8,

    /// <summary>The payload has the Avro single-object marker but its body cannot be decoded.</summary>
    MalformedAvro,

    /// <summary>The Avro writer-schema fingerprint is not in the schema catalogue.</summary>
    UnknownFingerprint,

    /// <summary>The payload is neither a JSON object nor Avro single-object encoding.</summary>
    UnknownFormat,

    /// <summary>A field has the wrong type (for example a string where an object is required).</summary>
    WrongType,

    /// <summary>A required field is missing or empty.</summary>
    MissingField,

    /// <summary>A number is NaN or infinite.</summary>
    NonFiniteNumber,

    /// <summary>The record exceeds the configured maximum size.</summary>
    TooLarge,

    /// <summary>The record nests deeper than the configured maximum depth.</summary>
    TooDeep,

    /// <summary>The event time is not an ISO-8601 timestamp.</summary>
    InvalidTimestamp,

    /// <summary>The event time lies further in the future than the allowed clock skew.</summary>
    FutureTimestamp,

    /// <summary>An unexpected processing failure; the record is kept in the dead-letter topic.</summary>
    ProcessingFailure,

    /// <summary>The post-redaction verification found PII in the sanitized form; the record is withheld.</summary>
    PostRedactionLeak,
}
