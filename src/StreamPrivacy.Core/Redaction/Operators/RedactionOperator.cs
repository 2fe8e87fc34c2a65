using System.Text;

namespace StreamPrivacy.Core.Redaction.Operators;

/// <summary>
/// Transforms one sensitive value (a whole JSON field value, or an entity span inside free text)
/// into its redacted form. Implementations are immutable after construction and thread-safe, so one
/// instance serves every record and every consumer thread.
/// </summary>
/// <remarks>
/// Privacy contract: apart from <see cref="KeepOperator"/>, no operator writes the input value to
/// the output; an operator that cannot process a value (for example a generalizer given text it
/// cannot parse) falls back to the <c>&lt;ENTITY_TYPE&gt;</c> placeholder rather than passing the
/// value through. Operators never log or retain the values they see.
/// </remarks>
public abstract class RedactionOperator
{
    /// <summary>Lets derived operators in this and other assemblies be built.</summary>
    protected RedactionOperator()
    {
    }

    /// <summary>What this operator does.</summary>
    public abstract OperatorKind Kind { get; }

    /// <summary>
    /// Appends the replacement for <paramref name="value"/> to <paramref name="output"/>.
    /// </summary>
    /// <param name="value">The sensitive text.</param>
    /// <param name="entityType">The entity type (e.g. <c>EMAIL_ADDRESS</c>) or the field's rule name.</param>
    /// <param name="output">Where the replacement is appended; nothing else is written to it.</param>
    /// <remarks>
    /// Scratch buffers come from the stack or <see cref="System.Buffers.ArrayPool{T}"/> and are
    /// cleared before they are returned, so sensitive bytes do not linger in pooled memory.
    /// </remarks>
    public abstract void Apply(ReadOnlySpan<char> value, string entityType, StringBuilder output);

    /// <summary>Convenience wrapper around <see cref="Apply(ReadOnlySpan{char}, string, StringBuilder)"/> that returns a new string.</summary>
    /// <remarks>Same privacy semantics as <see cref="Apply(ReadOnlySpan{char}, string, StringBuilder)"/>.</remarks>
    public string Apply(ReadOnlySpan<char> value, string entityType)
    {
        var output = new StringBuilder();
        Apply(value, entityType, output);
        return output.ToString();
    }
}
