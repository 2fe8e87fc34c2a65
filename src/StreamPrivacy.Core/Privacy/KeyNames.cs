namespace StreamPrivacy.Core.Privacy;

/// <summary>Names of the keys the pipeline itself uses (policies may reference more).</summary>
public static class KeyNames
{
    /// <summary>Subject pseudonymisation (HMAC-SHA256).</summary>
    public const string Pseudonym = "pseudonym";

    /// <summary>Dead-letter payload encryption (AES-256-GCM).</summary>
    public const string DeadLetter = "deadletter";

    /// <summary>Seeds DP release noise: HMAC(key, release id) (DESIGN §3). Losing it only means new releases get new noise.</summary>
    public const string Noise = "noise";

    /// <summary>Keys the canary hashes (<c>streamprivacy canary add</c> and the leakage stage must use the same key).</summary>
    public const string Canary = "canary";

    /// <summary>
    /// Signs audit chain heads: HMAC-SHA256 over the chain id, sequence and hash of the signed entry.
    /// Whoever holds it can forge heads, so only the pipeline and the auditor should.
    /// </summary>
    public const string Audit = "audit";

    /// <summary>Default key of <c>hash</c> rules that name none.</summary>
    public const string Hash = "hash";

    /// <summary>Default key of <c>encrypt</c> rules that name none.</summary>
    public const string Encrypt = "encrypt";
}
