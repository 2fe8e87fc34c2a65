using System.Text.Json;
using StreamPrivacy.Core.Redaction.Detection;
using StreamPrivacy.Core.Redaction.Paths;

namespace StreamPrivacy.Core.Redaction;

/// <summary>
/// The second, independent look at a sanitized record before it is produced (DESIGN §2): it parses the
/// output again and scans every string, property name and long digit run with the full built-in
/// detector set, whatever the policy disabled. Values the policy deliberately keeps (<c>keep</c> rules)
/// and tokens made by operators are not findings. A hit means the record is withheld and counted.
/// </summary>
public sealed class PostRedactionVerifier
{
    private readonly TextScanner _scanner;
    private readonly FieldPath[] _exempt;

    /// <summary>Creates a verifier over <paramref name="scanner"/>; <paramref name="exemptPaths"/> are fields the policy keeps on purpose.</summary>
    public PostRedactionVerifier(TextScanner scanner, IEnumerable<FieldPath> exemptPaths)
    {
        _scanner = scanner;
        _exempt = [.. exemptPaths];
    }

    /// <summary>Returns the entity type and path of the first PII found in <paramref name="json"/>, or null when clean.</summary>
    public (string EntityType, string Path)? FindLeak(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 128 });
        var path = new List<PathElement>(16);
        var matches = new List<PiiMatch>(4);
        var scratch = new List<PiiMatch>(4);
        var containers = new Stack<bool>(); // true = object
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    containers.Push(reader.TokenType == JsonTokenType.StartObject);
                    if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        path.Add(PathElement.Index);
                    }

                    continue;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    containers.Pop();
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        path.RemoveAt(path.Count - 1);
                    }

                    EndValue(path, containers);
                    continue;
                case JsonTokenType.PropertyName:
                    var name = reader.GetString()!;
                    path.Add(new PathElement("<key>"));
                    if (Scan(name, path, matches, scratch) is { } nameLeak)
                    {
                        return nameLeak; // the path names the key's position, never the key
                    }

                    path[^1] = new PathElement(name);

                    continue;
                case JsonTokenType.String:
                case JsonTokenType.Number:
                    if (!IsExempt(path) && (reader.TokenType == JsonTokenType.String || RedactionEngine.IsScannableNumber(reader.ValueSpan)))
                    {
                        var text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
                        if (!IsOperatorToken(text) && Scan(text, path, matches, scratch) is { } leak)
                        {
                            return leak;
                        }
                    }

                    EndValue(path, containers);
                    continue;
                default:
                    EndValue(path, containers);
                    continue;
            }
        }

        return null;
    }

    private static void EndValue(List<PathElement> path, Stack<bool> containers)
    {
        // After a property's value, drop the property name from the path.
        if (containers.Count > 0 && containers.Peek() && path.Count > 0 && !path[^1].IsIndex)
        {
            path.RemoveAt(path.Count - 1);
        }
    }

    private (string, string)? Scan(string text, List<PathElement> path, List<PiiMatch> matches, List<PiiMatch> scratch)
    {
        _scanner.Scan(text, matches, scratch);
        return matches.Count == 0 ? null : (matches[0].EntityType, PathElement.Render(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(path)));
    }

    private bool IsExempt(List<PathElement> path)
    {
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(path);
        foreach (var exempt in _exempt)
        {
            if (exempt.Matches(span))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOperatorToken(string text) =>
        text.StartsWith("hmac:", StringComparison.Ordinal) || text.StartsWith("enc:", StringComparison.Ordinal) || text.StartsWith("ps_", StringComparison.Ordinal);
}
