using System.Text;

namespace StreamPrivacy.Core.Redaction.Operators;

/// <summary>Marks that the whole field must be removed from the record.</summary>
/// <remarks>
/// Dropping is structural (the key disappears, not just the value), so it is the engine's job: the
/// engine checks <see cref="RedactionOperator.Kind"/> == <see cref="OperatorKind.Drop"/> before
/// calling any operator. <see cref="Apply(ReadOnlySpan{char}, string, StringBuilder)"/> throws so that an engine that forgets the check fails
/// loudly instead of silently emitting an empty value under a key the policy said must not exist.
/// For entity spans inside free text, configure <see cref="RedactOperator"/> instead.
/// </remarks>
public sealed class DropOperator : RedactionOperator
{
    /// <inheritdoc/>
    public override OperatorKind Kind => OperatorKind.Drop;

    /// <summary>Always throws <see cref="InvalidOperationException"/>; see the class remarks.</summary>
    /// <remarks>Never writes to <paramref name="output"/>, so nothing of the value can leak.</remarks>
    public override void Apply(ReadOnlySpan<char> value, string entityType, StringBuilder output) =>
        throw new InvalidOperationException(
            $"drop removes the whole field; the engine must check Kind == Drop before applying an operator (entity '{entityType}')");
}
