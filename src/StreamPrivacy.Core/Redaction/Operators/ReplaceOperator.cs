using System.Text;

namespace StreamPrivacy.Core.Redaction.Operators;

/// <summary>Replaces the value with a fixed text; by default <c>&lt;ENTITY_TYPE&gt;</c> (Presidio "replace").</summary>
/// <remarks>
/// Nothing of the value survives, not even its length. The placeholder names the entity type, which
/// tells a reader what kind of data was there; configure <c>new_value</c> if even that is too much.
/// </remarks>
public sealed class ReplaceOperator : RedactionOperator
{
    private readonly string? _newValue;

    /// <summary>Creates a replace operator; <paramref name="newValue"/> null means <c>&lt;ENTITY_TYPE&gt;</c>.</summary>
    public ReplaceOperator(string? newValue = null) => _newValue = newValue;

    /// <inheritdoc/>
    public override OperatorKind Kind => OperatorKind.Replace;

    /// <summary>The configured replacement text, or null for the entity-type placeholder.</summary>
    public string? NewValue => _newValue;

    /// <inheritdoc/>
    public override void Apply(ReadOnlySpan<char> value, string entityType, StringBuilder output)
    {
        if (_newValue is null)
        {
            AppendPlaceholder(entityType, output);
        }
        else
        {
            output.Append(_newValue);
        }
    }

    /// <summary>Appends <c>&lt;entityType&gt;</c>: the shared fallback of every operator that cannot process a value.</summary>
    internal static void AppendPlaceholder(string entityType, StringBuilder output) =>
        output.Append('<').Append(entityType).Append('>');
}
