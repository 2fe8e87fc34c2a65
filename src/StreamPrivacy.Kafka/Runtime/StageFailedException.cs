namespace StreamPrivacy.Kafka.Runtime;

/// <summary>A stage stopped because it could not guarantee delivery; nothing after its last commit was acknowledged.</summary>
public sealed class StageFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StageFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public StageFailedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public StageFailedException()
    {
    }
}
