namespace StreamPrivacy.Kafka.Serdes;

/// <summary>
/// A payload could not be serialised or deserialised. The message names the field path and the
/// problem but never contains a value from the payload, because these messages end up in logs and
/// the dead-letter metadata while the payload itself is personal data.
/// </summary>
public sealed class SerdeException : Exception
{
    /// <summary>Creates an exception with a code and a message that must not contain payload values.</summary>
    /// <param name="code">The error category.</param>
    /// <param name="message">Diagnostic text: field path and problem only.</param>
    public SerdeException(SerdeErrorCode code, string message)
        : base(message)
    {
        Code = code;
    }

    /// <summary>The error category, suitable as a dead-letter reason code.</summary>
    public SerdeErrorCode Code { get; }
}
