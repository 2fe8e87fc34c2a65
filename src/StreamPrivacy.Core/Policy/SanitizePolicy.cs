namespace StreamPrivacy.Core.Policy;

/// <summary>
/// What the sanitize stage lets through: the consent purposes an event must carry and the fields
/// that survive data minimisation. Anything not allowed is dropped (deny by default).
/// </summary>
public sealed class SanitizePolicy
{
    /// <summary>The policy's version, recorded on every sanitized event and release.</summary>
    public string Version { get; init; } = "default-1";

    /// <summary>
    /// Purposes an event's <c>consent</c> list must contain (all of them). Default: <c>monitoring</c>.
    /// Events lacking one are dropped and counted, never forwarded.
    /// </summary>
    public IReadOnlyList<string> RequiredPurposes { get; init; } = ["monitoring"];

    /// <summary>
    /// Field allowlist as dotted paths from the event root. A path allows its whole subtree
    /// (<c>features</c> keeps every feature); a deeper path allows just that child
    /// (<c>attributes.region</c> keeps only <c>region</c> of <c>attributes</c>).
    /// </summary>
    public IReadOnlyList<string> AllowedFields { get; init; } =
    [
        "event_id", "event_time", "model", "subject_id", "consent", "features", "feature_set",
        "source", "prediction", "label", "text", "trace_id",
    ];

    /// <summary>The shipped default: require <c>monitoring</c>, keep the fields monitoring needs, drop <c>attributes</c>.</summary>
    public static SanitizePolicy Default { get; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the problem when the policy is unusable.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Version))
        {
            throw new ArgumentException("policy version must not be empty", nameof(Version));
        }

        foreach (var purpose in RequiredPurposes)
        {
            if (string.IsNullOrWhiteSpace(purpose))
            {
                throw new ArgumentException("required purposes must not be empty strings", nameof(RequiredPurposes));
            }
        }

        foreach (var path in AllowedFields)
        {
            if (string.IsNullOrWhiteSpace(path) || path.Split('.').Any(string.IsNullOrEmpty))
            {
                throw new ArgumentException($"allowed field path '{path}' is not a dotted path", nameof(AllowedFields));
            }
        }
    }
}
