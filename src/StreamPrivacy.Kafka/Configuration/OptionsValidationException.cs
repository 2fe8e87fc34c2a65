namespace StreamPrivacy.Kafka.Configuration;

/// <summary>A configuration value is missing or out of range; the message names the setting.</summary>
public sealed class OptionsValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OptionsValidationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public OptionsValidationException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public OptionsValidationException()
    {
    }
}
