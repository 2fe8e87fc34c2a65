namespace StreamPrivacy.Kafka.Serdes;

/// <summary>Why a payload could not be serialised or deserialised.</summary>
public enum SerdeErrorCode
{
    /// <summary>The payload is not well-formed JSON, or not a JSON object where one is required.</summary>
    MalformedJson,

    /// <summary>Text in the payload is not valid UTF-8 (or a string is not valid Unicode).</summary>
    InvalidUtf8,

    /// <summary>The Avro binary body is truncated, has trailing bytes or contains impossible values.</summary>
    MalformedAvro,

    /// <summary>The single-object header names a schema fingerprint the catalogue does not know.</summary>
    UnknownFingerprint,

    /// <summary>A value does not match the type the schema requires, or a required field is missing.</summary>
    WrongType,

    /// <summary>A floating point value is NaN or infinite, which JSON cannot carry.</summary>
    NonFiniteNumber,

    /// <summary>The payload or a collection in it exceeds a configured size limit.</summary>
    TooLarge,

    /// <summary>The payload nests deeper than the configured maximum depth.</summary>
    TooDeep,
}
