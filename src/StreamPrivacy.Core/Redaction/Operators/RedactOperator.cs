using System.Text;

namespace StreamPrivacy.Core.Redaction.Operators;

/// <summary>Replaces the value with the empty string (Presidio "redact").</summary>
/// <remarks>
/// Nothing of the value survives. Inside free text the surrounding words remain, so the position of
/// the removed span may still be inferable; use <see cref="ReplaceOperator"/> to mark the gap.
/// </remarks>
public sealed class RedactOperator : RedactionOperator
{
    /// <inheritdoc/>
    public override OperatorKind Kind => OperatorKind.Redact;

    /// <inheritdoc/>
    public override void Apply(ReadOnlySpan<char> value, string entityType, StringBuilder output)
    {
        // Deliberately writes nothing.
    }
}
