namespace StreamPrivacy.Core.Redaction;

/// <summary>
/// The subject field holds an object, an array or a boolean: there is no identifier to pseudonymise, and
/// passing the structure through would keep whatever it holds. The document is rejected (the streaming
/// stage rejects such events at inspection). The message names the field, never its content.
/// </summary>
public sealed class InvalidSubjectException : Exception
{
    /// <summary>Creates the exception for the subject field at <paramref name="path"/>.</summary>
    public InvalidSubjectException(string path)
        : base($"{path} is not a string or number")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public InvalidSubjectException()
        : base("the subject field is not a string or number")
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public InvalidSubjectException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
