namespace StreamPrivacy.Kafka.Configuration;

/// <summary>
/// Where secret keys come from: an environment variable (base64) or a file. Keys never sit in the
/// configuration file itself. When neither is set an ephemeral key is generated and a warning says
/// so (pseudonyms then change at every start).
/// </summary>
public sealed class KeyOptions
{
    /// <summary>Environment variable holding the pseudonymisation key. Default <c>STREAMPRIVACY_PSEUDONYM_KEY</c>.</summary>
    public string PseudonymKeyEnv { get; set; } = "STREAMPRIVACY_PSEUDONYM_KEY";

    /// <summary>File holding the pseudonymisation key.</summary>
    public string? PseudonymKeyFile { get; set; }

    /// <summary>Key id recorded with pseudonyms (default: derived from the key).</summary>
    public string? PseudonymKeyId { get; set; }

    /// <summary>Environment variable holding the dead-letter encryption key. Default <c>STREAMPRIVACY_DLQ_KEY</c>.</summary>
    public string DeadLetterKeyEnv { get; set; } = "STREAMPRIVACY_DLQ_KEY";

    /// <summary>File holding the dead-letter encryption key.</summary>
    public string? DeadLetterKeyFile { get; set; }

    /// <summary>Key id recorded with dead-letter ciphertexts (default: derived from the key).</summary>
    public string? DeadLetterKeyId { get; set; }
}
