using System.Security.Cryptography;

namespace StreamPrivacy.Core.Privacy;

/// <summary>
/// A secret key with an identifier, so that outputs can name the key that made them and keys can
/// rotate. Keys come from files or environment variables, never from policy or config files.
/// </summary>
public sealed class SecretKey
{
    /// <summary>Minimum key length in bytes (256 bits).</summary>
    public const int MinimumLength = 32;

    private readonly byte[] _material;

    /// <summary>Wraps key material; <paramref name="keyId"/> defaults to a digest-derived id.</summary>
    public SecretKey(ReadOnlySpan<byte> material, string? keyId = null)
    {
        if (material.Length < MinimumLength)
        {
            throw new ArgumentException($"a key needs at least {MinimumLength} bytes", nameof(material));
        }

        _material = material.ToArray();
        KeyId = string.IsNullOrWhiteSpace(keyId) ? DeriveKeyId(_material) : keyId;
    }

    /// <summary>The key identifier recorded next to every value made with this key.</summary>
    public string KeyId { get; }

    /// <summary>True for a key generated at start-up because none was configured.</summary>
    public bool IsEphemeral { get; private init; }

    internal ReadOnlySpan<byte> Material => _material;

    /// <summary>Generates a fresh random key from the OS CSPRNG (for demos and tests).</summary>
    public static SecretKey Generate(string purpose)
    {
        Span<byte> buffer = stackalloc byte[MinimumLength];
        RandomNumberGenerator.Fill(buffer);
        var material = buffer.ToArray();
        return new SecretKey(material, $"{purpose}-ephemeral-{DeriveKeyId(material)}") { IsEphemeral = true };
    }

    /// <summary>
    /// Reads a key from an environment variable (base64) or, when absent, a file (raw bytes or
    /// base64 text). Returns null when neither is configured.
    /// </summary>
    public static SecretKey? Load(string? environmentVariable, string? filePath, string? keyId = null)
    {
        var fromEnv = environmentVariable is null ? null : Environment.GetEnvironmentVariable(environmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            return new SecretKey(DecodeBase64(fromEnv, $"environment variable {environmentVariable}"), keyId);
        }

        if (string.IsNullOrWhiteSpace(filePath))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(filePath);
        var text = System.Text.Encoding.ASCII.GetString(bytes).Trim();
        var material = IsBase64(text) ? DecodeBase64(text, $"key file {filePath}") : bytes;
        return new SecretKey(material, keyId);
    }

    private static bool IsBase64(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' or '-' or '_');

    private static byte[] DecodeBase64(string text, string source)
    {
        try
        {
            return Convert.FromBase64String(text.Trim().Replace('-', '+').Replace('_', '/'));
        }
        catch (FormatException)
        {
            throw new ArgumentException($"{source} does not hold a base64 key");
        }
    }

    private static string DeriveKeyId(byte[] material)
    {
        // The id reveals nothing useful about the key: a truncated digest of a domain-separated hash.
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData([.. "streamprivacy-key-id:"u8, .. material], digest);
        return Convert.ToHexStringLower(digest[..4]);
    }
}
