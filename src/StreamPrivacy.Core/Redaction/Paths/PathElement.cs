namespace StreamPrivacy.Core.Redaction.Paths;

/// <summary>One step of a concrete path while walking an event: a property name or an array index.</summary>
/// <param name="Name">The property name, or null for an array element.</param>
public readonly record struct PathElement(string? Name)
{
    /// <summary>An array element.</summary>
    public static PathElement Index { get; } = new(null);

    /// <summary>True for an array element.</summary>
    public bool IsIndex => Name is null;

    /// <summary>Renders a concrete path as <c>$.a.b[*].c</c> (indices collapsed, for counting by field).</summary>
    public static string Render(ReadOnlySpan<PathElement> path)
    {
        var builder = new System.Text.StringBuilder("$");
        foreach (var element in path)
        {
            builder.Append(element.IsIndex ? "[*]" : "." + element.Name);
        }

        return builder.ToString();
    }
}
