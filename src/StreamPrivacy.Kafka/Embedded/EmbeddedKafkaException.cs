namespace StreamPrivacy.Kafka.Embedded;

/// <summary>
/// Raised when the embedded (librdkafka mock) Kafka cluster cannot be started or rejects an operation.
/// </summary>
public sealed class EmbeddedKafkaException : Exception
{
    /// <summary>Creates an exception without a message.</summary>
    public EmbeddedKafkaException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public EmbeddedKafkaException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the underlying cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying cause.</param>
    public EmbeddedKafkaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception carrying the librdkafka error code that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="errorCode">The librdkafka / Kafka error code.</param>
    public EmbeddedKafkaException(string message, Confluent.Kafka.ErrorCode errorCode)
        : base(message)
    {
        ErrorCode = errorCode;
    }

    /// <summary>The librdkafka / Kafka error code, when the failure came from librdkafka.</summary>
    public Confluent.Kafka.ErrorCode? ErrorCode { get; }
}
