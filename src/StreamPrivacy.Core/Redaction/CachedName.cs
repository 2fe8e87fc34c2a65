using System.Text.Json;

namespace StreamPrivacy.Core.Redaction;

/// <summary>A property name known to hold no detection: the shared string and its encoded form for the writer.</summary>
internal sealed class CachedName(string name, JsonEncodedText encoded)
{
    public string Name { get; } = name;

    public JsonEncodedText Encoded { get; } = encoded;
}
