using System.Reflection;
using System.Runtime.InteropServices;

namespace StreamPrivacy.Kafka.Embedded;

/// <summary>
/// Binds this assembly's "librdkafka" P/Invokes to the very native file Confluent.Kafka loaded.
/// </summary>
/// <remarks>
/// Two copies of librdkafka in one process would each have their own global state (and the mock
/// cluster would live in the copy the clients do not use), so we never probe on our own when we can
/// ask the process what is mapped. On Debian the package's plain librdkafka.so needs libsasl2.so.3 and
/// Confluent.Kafka silently falls back to centos8-librdkafka.so; default probing by name would not
/// follow it there.
/// </remarks>
internal static class LibrdkafkaResolver
{
    private static readonly Lock Gate = new();
    private static nint _handle;
    private static string? _loadedPath;
    private static bool _resolverRegistered;

    /// <summary>Full path of the native file our P/Invokes are bound to, once <see cref="EnsureLoaded"/> ran.</summary>
    internal static string? LoadedPath
    {
        get
        {
            lock (Gate)
            {
                return _loadedPath;
            }
        }
    }

    /// <summary>
    /// Makes Confluent.Kafka load its native library, finds that exact file, loads it for us and registers
    /// the resolver. Safe to call any number of times from any thread.
    /// </summary>
    /// <returns>The path of the native file in use.</returns>
    /// <exception cref="EmbeddedKafkaException">The library could not be located or loaded.</exception>
    internal static string EnsureLoaded()
    {
        lock (Gate)
        {
            if (_loadedPath is not null)
            {
                return _loadedPath;
            }

            try
            {
                // Touching Library.Version forces Confluent.Kafka's own loader (with its centos8/alpine fallback).
                _ = Confluent.Kafka.Library.Version;
            }
            catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException or InvalidOperationException)
            {
                throw new EmbeddedKafkaException(
                    "Confluent.Kafka could not load its librdkafka native library; the embedded Kafka cluster needs it.", ex);
            }

            var (path, handle) = FindLoadedLibrary()
                ?? throw new EmbeddedKafkaException(
                    "Confluent.Kafka loaded librdkafka, but its file could not be located "
                    + $"(looked in /proc/self/maps and under {AppContext.BaseDirectory}runtimes).");

            if (!_resolverRegistered)
            {
                // SetDllImportResolver throws if called twice for one assembly, hence the flag under the lock.
                try
                {
                    NativeLibrary.SetDllImportResolver(typeof(LibrdkafkaResolver).Assembly, Resolve);
                }
                catch (InvalidOperationException ex)
                {
                    NativeLibrary.Free(handle);
                    throw new EmbeddedKafkaException(
                        "Another DllImport resolver is already registered for StreamPrivacy.Kafka; "
                        + "the embedded cluster cannot guarantee it shares Confluent.Kafka's librdkafka.", ex);
                }

                _resolverRegistered = true;
            }

            _handle = handle;
            _loadedPath = path;
            return path;
        }
    }

    /// <summary>
    /// All distinct files mapped into this process whose name looks like librdkafka (Linux only;
    /// empty elsewhere). Used by the resolver and by tests that assert a single copy.
    /// </summary>
    internal static IReadOnlyList<string> MappedLibrdkafkaFiles()
    {
        const string MapsFile = "/proc/self/maps";
        if (!OperatingSystem.IsLinux() || !File.Exists(MapsFile))
        {
            return [];
        }

        var result = new List<string>();
        foreach (var line in File.ReadLines(MapsFile))
        {
            // Format: address perms offset dev inode [path]; the path starts at the first '/'.
            var slash = line.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0)
            {
                continue;
            }

            var path = line[slash..].Trim();
            if (path.EndsWith(" (deleted)", StringComparison.Ordinal))
            {
                path = path[..^" (deleted)".Length];
            }

            if (IsLibrdkafkaFileName(Path.GetFileName(path)) && !result.Contains(path, StringComparer.Ordinal))
            {
                result.Add(path);
            }
        }

        return result;
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (!string.Equals(libraryName, LibrdkafkaNative.LibraryName, StringComparison.Ordinal))
        {
            return 0;
        }

        lock (Gate)
        {
            // Zero would let the runtime fall back to default probing and possibly a second copy; callers
            // go through EnsureLoaded first, so a zero here means misuse and should fail loudly instead.
            return _handle != 0
                ? _handle
                : throw new InvalidOperationException("LibrdkafkaResolver.EnsureLoaded must run before any librdkafka P/Invoke.");
        }
    }

    private static (string Path, nint Handle)? FindLoadedLibrary()
    {
        var mapped = MappedLibrdkafkaFiles();
        string? path = null;
        if (mapped.Count == 1)
        {
            path = mapped[0];
        }
        else if (mapped.Count > 1)
        {
            // Already more than one copy: prefer the one shipped with the app or the redist package.
            var preferred = mapped.Where(IsShippedLocation).ToList();
            path = preferred.Count == 1
                ? preferred[0]
                : throw new EmbeddedKafkaException(
                    "Several librdkafka copies are mapped into this process; refusing to guess which one "
                    + "Confluent.Kafka uses: " + string.Join(", ", mapped));
        }

        if (path is not null)
        {
            // dlopen of an already-mapped file returns the existing module (reference-counted), not a copy.
            return NativeLibrary.TryLoad(path, out var handle)
                ? (path, handle)
                : throw new EmbeddedKafkaException($"Could not load librdkafka from '{path}'.");
        }

        return ProbeLikeConfluent();
    }

    /// <summary>
    /// Fallback where /proc/self/maps is unavailable (Windows, macOS): probe the same names Confluent.Kafka
    /// tries ("librdkafka", then the centos8 and alpine builds on Linux) with Confluent.Kafka's own
    /// assembly as the probing context, so the deps.json runtimes/ lookup resolves to the same file and
    /// the OS loader hands back the module that is already loaded rather than a second copy.
    /// </summary>
    private static (string Path, nint Handle)? ProbeLikeConfluent()
    {
        var confluentAssembly = typeof(Confluent.Kafka.Library).Assembly;
        string[] names = OperatingSystem.IsLinux()
            ? ["librdkafka", "centos8-librdkafka", "alpine-librdkafka"]
            : ["librdkafka"];
        foreach (var name in names)
        {
            if (NativeLibrary.TryLoad(name, confluentAssembly, null, out var handle))
            {
                return (FindFileFor(name) ?? name, handle);
            }
        }

        return null;
    }

    private static string? FindFileFor(string name)
    {
        var fileName = OperatingSystem.IsWindows() ? name + ".dll"
            : OperatingSystem.IsMacOS() ? name + ".dylib"
            : name + ".so";
        var runtimes = Path.Combine(AppContext.BaseDirectory, "runtimes");
        var candidates = new List<string> { Path.Combine(AppContext.BaseDirectory, fileName) };
        candidates.Add(Path.Combine(runtimes, RuntimeInformation.RuntimeIdentifier, "native", fileName));
        var arch = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        candidates.Add(Path.Combine(runtimes, $"{os}-{arch}", "native", fileName));
        return candidates.FirstOrDefault(File.Exists);
    }

    private static bool IsLibrdkafkaFileName(string fileName) =>
        fileName.EndsWith("librdkafka.so", StringComparison.Ordinal)
        || fileName.Contains("librdkafka.so.", StringComparison.Ordinal);

    private static bool IsShippedLocation(string path) =>
        path.StartsWith(AppContext.BaseDirectory, StringComparison.Ordinal)
        || path.Contains("librdkafka.redist", StringComparison.OrdinalIgnoreCase);
}
