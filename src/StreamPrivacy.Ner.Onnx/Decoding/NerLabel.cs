namespace StreamPrivacy.Ner.Onnx.Decoding;

/// <summary>One entry of config.json's <c>id2label</c>, parsed.</summary>
/// <param name="Kind">Position prefix.</param>
/// <param name="Type">Entity suffix as the model names it (<c>PER</c>), empty for <c>O</c>.</param>
/// <param name="MappedType">The pipeline's entity type for <paramref name="Type"/>, or null when unmapped (ignored).</param>
internal readonly record struct NerLabel(TagKind Kind, string Type, string? MappedType)
{
    /// <summary>
    /// Parses <c>O</c>, <c>B-X</c>, <c>I-X</c>, <c>E-X</c>, <c>L-X</c>, <c>S-X</c>, <c>U-X</c> (also with <c>_</c>);
    /// anything else is an entity type of its own continuing like <c>I-</c> (as transformers does).
    /// </summary>
    public static NerLabel Parse(string label, IReadOnlyDictionary<string, string> entityMap)
    {
        if (label.Length == 0 || label is "O" or "o")
        {
            return new NerLabel(TagKind.Outside, string.Empty, null);
        }

        var kind = TagKind.Inside;
        var type = label;
        if (label.Length > 2 && label[1] is '-' or '_')
        {
            TagKind? prefix = char.ToUpperInvariant(label[0]) switch
            {
                'B' => TagKind.Begin,
                'I' => TagKind.Inside,
                'E' or 'L' => TagKind.End,
                'S' or 'U' => TagKind.Single,
                _ => null,
            };
            if (prefix is { } k)
            {
                kind = k;
                type = label[2..];
            }
        }

        return new NerLabel(kind, type, Lookup(entityMap, type));
    }

    private static string? Lookup(IReadOnlyDictionary<string, string> entityMap, string type)
    {
        if (entityMap.TryGetValue(type, out var mapped))
        {
            return mapped;
        }

        foreach (var (key, value) in entityMap)
        {
            if (string.Equals(key, type, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }
}
