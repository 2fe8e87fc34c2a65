using System.Collections.Concurrent;

namespace StreamPrivacy.Core.Privacy;

/// <summary>
/// Named secret keys (<c>pseudonym</c>, <c>deadletter</c>, and whatever names the policy's hash and
/// encrypt rules reference). A key named N comes from, in order: the environment variable
/// <c>STREAMPRIVACY_KEY_N</c> (base64, N upper-cased, '-' as '_'), an explicit file for N, or
/// <c>{directory}/N.key</c>. A key found nowhere is generated at first use (ephemeral) and reported
/// through the warning callback: values made with it cannot be linked or decrypted after the run.
/// </summary>
public sealed class KeyRing
{
    /// <summary>Prefix of the environment variables holding keys.</summary>
    public const string EnvironmentPrefix = "STREAMPRIVACY_KEY_";

    private readonly string? _directory;
    private readonly IReadOnlyDictionary<string, string> _files;
    private readonly IReadOnlyDictionary<string, string> _keyIds;
    private readonly Action<string> _warn;
    private readonly ConcurrentDictionary<string, SecretKey> _keys = new(StringComparer.Ordinal);

    /// <summary>Creates a key ring.</summary>
    public KeyRing(string? directory, IReadOnlyDictionary<string, string>? files, IReadOnlyDictionary<string, string>? keyIds, Action<string> warn)
    {
        _directory = directory;
        _files = files ?? new Dictionary<string, string>();
        _keyIds = keyIds ?? new Dictionary<string, string>();
        _warn = warn;
    }

    /// <summary>The environment variable that holds key <paramref name="name"/>.</summary>
    public static string EnvironmentVariable(string name) => EnvironmentPrefix + name.ToUpperInvariant().Replace('-', '_');

    /// <summary>Returns key <paramref name="name"/>, loading or generating it on first use.</summary>
    public SecretKey Get(string name) => _keys.GetOrAdd(name, Load);

    /// <summary>
    /// Returns key <paramref name="name"/> when it is configured (environment, file or directory), or
    /// null; never generates one (e.g. for verifying with a key that must already exist).
    /// </summary>
    /// <remarks>Configured keys are cached like those of <see cref="Get"/>; a missing key is not.</remarks>
    public SecretKey? Find(string name)
    {
        if (_keys.TryGetValue(name, out var cached))
        {
            return cached.IsEphemeral ? null : cached;
        }

        var key = LoadConfigured(name);
        return key is null ? null : _keys.GetOrAdd(name, key);
    }

    private SecretKey Load(string name)
    {
        var key = LoadConfigured(name);
        if (key is not null)
        {
            return key;
        }

        var generated = SecretKey.Generate(name);
        _warn($"No key '{name}' configured ({EnvironmentVariable(name)}, keys.files or keys.directory): using ephemeral key {generated.KeyId}; values made with it cannot be linked or decrypted after this run");
        return generated;
    }

    private SecretKey? LoadConfigured(string name)
    {
        _keyIds.TryGetValue(name, out var keyId);
        var file = _files.TryGetValue(name, out var explicitFile) ? explicitFile
            : _directory is null ? null
            : Path.Combine(_directory, name + ".key");
        if (file is not null && !_files.ContainsKey(name) && !File.Exists(file))
        {
            file = null;
        }

        return SecretKey.Load(EnvironmentVariable(name), file, keyId);
    }
}
