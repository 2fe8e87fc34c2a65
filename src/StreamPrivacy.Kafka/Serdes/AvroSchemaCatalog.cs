using System.Diagnostics.CodeAnalysis;
using Avro;

namespace StreamPrivacy.Kafka.Serdes;

/// <summary>
/// The Avro schemas the pipeline knows, indexed by full name (newest version) and by fingerprint
/// (every version, so payloads from writers still on an older version can be read).
/// Files directly in the schemas folder are the current versions; files under <c>history/</c> are
/// older versions that are only looked up by fingerprint.
/// </summary>
public sealed class AvroSchemaCatalog
{
    private const string ResourcePrefix = "schemas/";

    private static readonly Lazy<AvroSchemaCatalog> LazyDefault = new(LoadEmbedded);

    private readonly Dictionary<string, RecordSchema> _current = new(StringComparer.Ordinal);
    private readonly Dictionary<long, RecordSchema> _byFingerprint = [];

    private AvroSchemaCatalog(IEnumerable<(string RelativePath, string Text)> files)
    {
        var history = new List<RecordSchema>();
        foreach (var (relativePath, text) in files.OrderBy(f => f.RelativePath, StringComparer.Ordinal))
        {
            var schema = ParseRecord(relativePath, text);
            var isHistory = relativePath.Contains('/', StringComparison.Ordinal);
            if (isHistory)
            {
                history.Add(schema);
                continue;
            }

            if (!_current.TryAdd(schema.Fullname, schema))
            {
                throw new InvalidDataException($"Schema file '{relativePath}' defines {schema.Fullname}, which another current schema file already defines.");
            }

            _byFingerprint[Fingerprint(schema)] = schema;
        }

        foreach (var schema in history)
        {
            // A history file identical to the current version shares its fingerprint; keep the current instance.
            _byFingerprint.TryAdd(Fingerprint(schema), schema);
        }
    }

    /// <summary>The catalogue of the schemas embedded in this assembly (the repository's <c>schemas/</c> folder).</summary>
    public static AvroSchemaCatalog Default => LazyDefault.Value;

    /// <summary>The newest version of every schema.</summary>
    public IReadOnlyCollection<RecordSchema> CurrentSchemas => _current.Values;

    /// <summary>Every loaded schema version, current and historical.</summary>
    public IReadOnlyCollection<RecordSchema> AllSchemas => _byFingerprint.Values;

    /// <summary>Loads every <c>*.avsc</c> file of a schemas folder laid out like the repository's (current at the top, older versions under <c>history/</c>).</summary>
    /// <param name="directory">The schemas folder.</param>
    /// <returns>The catalogue.</returns>
    public static AvroSchemaCatalog Load(string directory)
    {
        var root = Path.GetFullPath(directory);
        var files = Directory.EnumerateFiles(root, "*.avsc", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToList();
        return new AvroSchemaCatalog(files);
    }

    /// <summary>CRC-64-AVRO (Rabin) fingerprint of the schema's Parsing Canonical Form, as used by single-object encoding.</summary>
    /// <param name="schema">Any schema.</param>
    /// <returns>The 64-bit fingerprint.</returns>
    public static long Fingerprint(Schema schema) => SchemaNormalization.ParsingFingerprint64(schema);

    /// <summary>Returns the newest version of a record schema.</summary>
    /// <param name="fullName">Namespace-qualified name, e.g. <c>io.streamprivacy.v1.RawInferenceEvent</c>.</param>
    /// <returns>The schema.</returns>
    /// <exception cref="KeyNotFoundException">No schema has that name.</exception>
    public RecordSchema GetByName(string fullName) =>
        _current.TryGetValue(fullName, out var schema)
            ? schema
            : throw new KeyNotFoundException($"No schema named '{fullName}' in the catalogue.");

    /// <summary>Looks up any version (current or historical) by fingerprint.</summary>
    /// <param name="fingerprint">CRC-64-AVRO fingerprint.</param>
    /// <param name="schema">The schema when found.</param>
    /// <returns>True when found.</returns>
    public bool TryGetByFingerprint(long fingerprint, [MaybeNullWhen(false)] out RecordSchema schema) =>
        _byFingerprint.TryGetValue(fingerprint, out schema);

    private static AvroSchemaCatalog LoadEmbedded()
    {
        var assembly = typeof(AvroSchemaCatalog).Assembly;
        var files = new List<(string, string)>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            // Normalise in case the resource was named with Windows separators.
            var normalised = name.Replace('\\', '/');
            if (!normalised.StartsWith(ResourcePrefix, StringComparison.Ordinal)
                || !normalised.EndsWith(".avsc", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidDataException($"Embedded schema '{name}' cannot be opened.");
            using var reader = new StreamReader(stream);
            files.Add((normalised[ResourcePrefix.Length..], reader.ReadToEnd()));
        }

        return new AvroSchemaCatalog(files);
    }

    private static RecordSchema ParseRecord(string relativePath, string text)
    {
        Schema schema;
        try
        {
            schema = Schema.Parse(text);
        }
        catch (AvroException ex)
        {
            // Schema files are not payload data, so the parser's message is safe to pass on.
            throw new InvalidDataException($"Schema file '{relativePath}' is not a valid Avro schema: {ex.Message}", ex);
        }

        return schema as RecordSchema
            ?? throw new InvalidDataException($"Schema file '{relativePath}' must define a record, not {schema.Tag}.");
    }
}
