namespace StreamPrivacy.Core.Redaction.Paths;

/// <summary>
/// A JSON path pattern over event fields: <c>$.attributes.client_ip</c>, <c>$.text.*</c>,
/// <c>$.items[*].email</c>, <c>$..email</c> (any depth). The leading <c>$.</c> is optional, so
/// <c>features.age</c> works too. Array indices match <c>[*]</c> (or <c>*</c>).
/// </summary>
public sealed class FieldPath
{
    private readonly Segment[] _segments;

    private FieldPath(string text, Segment[] segments)
    {
        Text = text;
        _segments = segments;
    }

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    /// <summary>Parses a pattern; throws <see cref="FormatException"/> naming the problem.</summary>
    public static FieldPath Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException("a field path must not be empty");
        }

        var s = text.Trim();
        if (s == "$")
        {
            return new FieldPath(text, []);
        }

        if (s.StartsWith('$'))
        {
            s = s[1..];
        }
        else
        {
            s = "." + s;
        }

        var segments = new List<Segment>();
        var i = 0;
        while (i < s.Length)
        {
            var descendant = false;
            if (s[i] == '.')
            {
                i++;
                if (i < s.Length && s[i] == '.')
                {
                    descendant = true;
                    i++;
                }

                var start = i;
                while (i < s.Length && s[i] != '.' && s[i] != '[')
                {
                    i++;
                }

                var name = s[start..i];
                if (name.Length == 0)
                {
                    throw new FormatException($"field path '{text}' has an empty segment");
                }

                segments.Add(new Segment(name == "*" ? null : name, descendant, IsIndex: false));
            }
            else if (s[i] == '[')
            {
                var close = s.IndexOf(']', i);
                if (close < 0)
                {
                    throw new FormatException($"field path '{text}' has an unclosed '['");
                }

                var inner = s[(i + 1)..close].Trim();
                i = close + 1;
                if (inner == "*")
                {
                    segments.Add(new Segment(null, false, IsIndex: true));
                }
                else if (inner.Length >= 2 && inner[0] is '\'' or '"' && inner[^1] == inner[0])
                {
                    segments.Add(new Segment(inner[1..^1], false, IsIndex: false));
                }
                else
                {
                    throw new FormatException($"field path '{text}': only [*] and ['name'] are supported in brackets");
                }
            }
            else
            {
                throw new FormatException($"field path '{text}' is malformed at position {i + 1}");
            }
        }

        return new FieldPath(text, [.. segments]);
    }

    /// <summary>True when the concrete path <paramref name="path"/> matches this pattern exactly.</summary>
    public bool Matches(ReadOnlySpan<PathElement> path) => Match(0, path, prefixOnly: false);

    /// <summary>
    /// True when <paramref name="path"/> could still lead to a match deeper down (it is a prefix of
    /// some path this pattern matches). Used by minimisation to keep ancestors of allowed fields.
    /// </summary>
    public bool CanMatchBelow(ReadOnlySpan<PathElement> path) => Match(0, path, prefixOnly: true);

    /// <inheritdoc />
    public override string ToString() => Text;

    private bool Match(int segment, ReadOnlySpan<PathElement> path, bool prefixOnly)
    {
        if (path.IsEmpty)
        {
            // All of the concrete path consumed: exact match needs all segments consumed too.
            return prefixOnly ? segment < _segments.Length : segment == _segments.Length;
        }

        if (segment == _segments.Length)
        {
            return false;
        }

        var seg = _segments[segment];
        if (seg.Descendant && Match(segment, path[1..], prefixOnly))
        {
            return true; // '..' skips any number of levels
        }

        return seg.Accepts(path[0]) && Match(segment + 1, path[1..], prefixOnly);
    }

    private readonly record struct Segment(string? Name, bool Descendant, bool IsIndex)
    {
        public bool Accepts(PathElement element) => IsIndex
            ? element.IsIndex
            : Name is null || (!element.IsIndex && string.Equals(Name, element.Name, StringComparison.Ordinal));
    }
}
