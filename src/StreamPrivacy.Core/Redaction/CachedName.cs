using System.Text.Json;
using StreamPrivacy.Core.Redaction.Detection;

namespace StreamPrivacy.Core.Redaction;

/// <summary>A property name known to hold no detection: the shared string and its encoded form for the writer.</summary>
internal sealed class CachedName(string name, JsonEncodedText encoded)
{
    public string Name { get; } = name;

    /// <summary>The entity type the name says its value holds.</summary>
    public FieldHint Hint { get; } = FieldHints.ForKey(name);

    /// <summary>A generic name key ("name", "first") whose hint depends on its parent.</summary>
    public bool IsGenericKey { get; } = FieldHints.IsGeneric(name);

    public JsonEncodedText Encoded { get; } = encoded;
}
