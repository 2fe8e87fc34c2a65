using System.Text.Json.Nodes;

namespace StreamPrivacy.Core.Policy;

/// <summary>
/// Data minimisation: removes every field whose path is not covered by the allowlist (deny by
/// default), at any depth, so unknown and nested fields never slip through.
/// </summary>
public sealed class FieldMinimizer
{
    private readonly AllowNode _root = new();

    /// <summary>Builds the allowlist tree from dotted paths.</summary>
    public FieldMinimizer(IEnumerable<string> allowedPaths)
    {
        foreach (var path in allowedPaths)
        {
            var node = _root;
            foreach (var segment in path.Split('.'))
            {
                if (!node.Children.TryGetValue(segment, out var child))
                {
                    child = new AllowNode();
                    node.Children[segment] = child;
                }

                node = child;
            }

            node.WholeSubtree = true;
        }
    }

    /// <summary>Removes disallowed fields in place.</summary>
    /// <returns>The number of fields removed (counted for telemetry, never their names' values).</returns>
    public int Minimize(JsonObject evt) => Prune(evt, _root);

    private static int Prune(JsonObject obj, AllowNode allowed)
    {
        if (allowed.WholeSubtree)
        {
            return 0;
        }

        List<string>? remove = null;
        var removed = 0;
        foreach (var (name, child) in obj)
        {
            if (!allowed.Children.TryGetValue(name, out var childAllowed))
            {
                (remove ??= []).Add(name);
            }
            else if (!childAllowed.WholeSubtree)
            {
                // A partial path: only objects can be partially kept; anything else goes.
                if (child is JsonObject childObject)
                {
                    removed += Prune(childObject, childAllowed);
                }
                else
                {
                    (remove ??= []).Add(name);
                }
            }
        }

        if (remove is not null)
        {
            foreach (var name in remove)
            {
                obj.Remove(name);
            }

            removed += remove.Count;
        }

        return removed;
    }

    private sealed class AllowNode
    {
        public Dictionary<string, AllowNode> Children { get; } = new(StringComparer.Ordinal);

        public bool WholeSubtree { get; set; }
    }
}
