using System.Text;

namespace StreamPrivacy.Core.Redaction.Operators;

/// <summary>Emits the value unchanged (Presidio "keep").</summary>
/// <remarks>
/// The one operator that passes sensitive data through: it exists so a policy can say explicitly
/// that a detected entity is allowed (for example a support address), instead of leaving it
/// unconfigured. Every use should be a reviewed policy decision.
/// </remarks>
public sealed class KeepOperator : RedactionOperator
{
    /// <inheritdoc/>
    public override OperatorKind Kind => OperatorKind.Keep;

    /// <inheritdoc/>
    public override void Apply(ReadOnlySpan<char> value, string entityType, StringBuilder output) =>
        output.Append(value);
}
