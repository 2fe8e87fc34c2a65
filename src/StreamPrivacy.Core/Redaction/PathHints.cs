using StreamPrivacy.Core.Redaction.Detection;
using StreamPrivacy.Core.Redaction.Paths;

namespace StreamPrivacy.Core.Redaction;

/// <summary>The <see cref="FieldHint"/> of the value at the end of a concrete path, for the engine and the verifier alike.</summary>
internal static class PathHints
{
    /// <summary>
    /// The hint of the property that ends <paramref name="path"/> (whose key hint is <paramref name="keyHint"/>): a
    /// generic name key (<c>name</c>, <c>first</c>) names a person only at the top level or inside a person
    /// (<c>customer.name</c>, <c>users[*].name</c>), not inside a model, a feature or a file (<c>model.name</c>).
    /// </summary>
    public static FieldHint Of(ReadOnlySpan<PathElement> path, FieldHint keyHint, bool genericKey)
    {
        if (keyHint != FieldHint.Person || !genericKey)
        {
            return keyHint;
        }

        for (var i = path.Length - 2; i >= 0; i--)
        {
            if (!path[i].IsIndex)
            {
                return FieldHints.IsPersonContainer(path[i].Name!) ? FieldHint.Person : FieldHint.None;
            }
        }

        return FieldHint.Person; // a top-level "name"
    }
}
