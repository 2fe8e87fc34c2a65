namespace StreamPrivacy.Core.Policy;

/// <summary>A policy file could not be loaded; the message names the file, line, column and problem.</summary>
public sealed class PolicyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PolicyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public PolicyException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public PolicyException()
    {
    }
}
