namespace StreamPrivacy.Kafka.Telemetry;

/// <summary>A telemetry endpoint could not be started (e.g. its port is in use).</summary>
public sealed class TelemetryStartException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TelemetryStartException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public TelemetryStartException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public TelemetryStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
