namespace StreamPrivacy.Kafka.Configuration;

/// <summary>
/// Where named secret keys come from. A key named N (<c>pseudonym</c>, <c>deadletter</c>, or a name a
/// policy rule references) is read from the environment variable <c>STREAMPRIVACY_KEY_N</c> (base64),
/// else from <see cref="Files"/>[N], else from <c>{Directory}/N.key</c>. Keys never sit in the
/// configuration or policy files. A missing key is generated at start-up with a warning (values made
/// with it cannot be linked or decrypted after the run).
/// </summary>
public sealed class KeyOptions
{
    /// <summary>Folder of <c>N.key</c> files (e.g. a mounted Kubernetes Secret).</summary>
    public string? Directory { get; set; }

    /// <summary>Explicit key files by key name.</summary>
    public Dictionary<string, string> Files { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Key ids by key name, recorded next to values made with the key (default: derived from the key).</summary>
    public Dictionary<string, string> KeyIds { get; set; } = new(StringComparer.Ordinal);
}
