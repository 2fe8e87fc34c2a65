namespace StreamPrivacy.Core.Audit;

/// <summary>
/// What an audit entry is about. Every field is optional; each kind fills the ones that apply.
/// </summary>
/// <remarks>
/// Only identifiers, hashes and exact privacy parameters belong here: never raw event values, released
/// counts, subject ids or key material. Key entries carry the key name and key id only.
/// </remarks>
public sealed record AuditSubject
{
    /// <summary>An empty subject (chain heads fill theirs themselves).</summary>
    public static AuditSubject None { get; } = new();

    /// <summary>Release id (release and budget entries).</summary>
    public string? ReleaseId { get; init; }

    /// <summary>Stream key model/version/feature_set (release and budget entries).</summary>
    public string? Stream { get; init; }

    /// <summary>Budget period start, ISO-8601 UTC (budget entries).</summary>
    public string? PeriodStart { get; init; }

    /// <summary>Sanitize policy version (policy and release entries).</summary>
    public string? PolicyVersion { get; init; }

    /// <summary>Hex SHA-256 of the policy text (policy entries).</summary>
    public string? PolicyHash { get; init; }

    /// <summary>Key name (key entries; chain heads: <c>audit</c>).</summary>
    public string? KeyName { get; init; }

    /// <summary>Key id (key entries and chain heads): identifies a key without revealing it.</summary>
    public string? KeyId { get; init; }

    /// <summary>ε charged or spent, exact rational.</summary>
    public string? Epsilon { get; init; }

    /// <summary>ρ charged or spent, exact rational.</summary>
    public string? Rho { get; init; }

    /// <summary>
    /// Outcome: <c>charged</c> / <c>refused</c> (budget), <c>loaded</c> (policy), <c>in_use</c> (keys),
    /// <c>periodic</c> / <c>closing</c> (chain heads).
    /// </summary>
    public string? Outcome { get; init; }
}
