using StreamPrivacy.Core.Policy;

namespace StreamPrivacy.Kafka.Configuration;

/// <summary>Configuration form of <see cref="SanitizePolicy"/>; unset values take the shipped defaults.</summary>
public sealed class PolicyOptions
{
    /// <summary>Policy version.</summary>
    public string? Version { get; set; }

    /// <summary>Consent purposes every event must carry.</summary>
    public List<string>? RequiredPurposes { get; set; }

    /// <summary>Field allowlist (dotted paths).</summary>
    public List<string>? AllowedFields { get; set; }

    /// <summary>Builds the policy.</summary>
    public SanitizePolicy ToPolicy() => new()
    {
        Version = Version ?? SanitizePolicy.Default.Version,
        RequiredPurposes = RequiredPurposes ?? [.. SanitizePolicy.Default.RequiredPurposes],
        AllowedFields = AllowedFields ?? [.. SanitizePolicy.Default.AllowedFields],
    };
}
