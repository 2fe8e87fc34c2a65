namespace StreamPrivacy.Cli.Report;

/// <summary>What the sanitized topics say about one model: event counts, policy versions, redactions by entity type.</summary>
internal sealed class SanitizedTally
{
    /// <summary>Sanitized inference events.</summary>
    public long InferenceEvents { get; set; }

    /// <summary>Sanitized feature events.</summary>
    public long FeatureEvents { get; set; }

    /// <summary>Events with at least one redaction.</summary>
    public long EventsWithRedactions { get; set; }

    /// <summary>Fields removed by minimisation.</summary>
    public long FieldsRemoved { get; set; }

    /// <summary>Redactions per entity type.</summary>
    public SortedDictionary<string, long> Redactions { get; } = new(StringComparer.Ordinal);

    /// <summary>Sanitization policy versions seen.</summary>
    public SortedSet<string> PolicyVersions { get; } = new(StringComparer.Ordinal);
}
