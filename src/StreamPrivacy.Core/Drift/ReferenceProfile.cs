using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace StreamPrivacy.Core.Drift;

/// <summary>
/// The reference distributions drift is measured against: one <see cref="ReferenceFeature"/> per
/// feature, in ordinal name order. Stored as JSON (<see cref="ToJson"/>) with a format version and
/// a content hash, so a release can record exactly which reference it was compared with.
/// </summary>
public sealed class ReferenceProfile
{
    /// <summary>Version of the JSON format written by <see cref="ToJson"/>.</summary>
    public const int FormatVersion = 1;

    private readonly ReferenceFeature[] _features;
    private readonly Dictionary<string, ReferenceFeature> _byName;

    /// <summary>Creates a profile; feature names must be unique.</summary>
    /// <param name="binCount">The B the numeric edges were built with (recorded, not re-applied).</param>
    /// <param name="features">The features.</param>
    public ReferenceProfile(int binCount, IEnumerable<ReferenceFeature> features)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 2);
        ArgumentNullException.ThrowIfNull(features);
        BinCount = binCount;
        _features = features.OrderBy(f => f.Name, StringComparer.Ordinal).ToArray();
        _byName = new Dictionary<string, ReferenceFeature>(StringComparer.Ordinal);
        foreach (var feature in _features)
        {
            if (!_byName.TryAdd(feature.Name, feature))
            {
                throw new ArgumentException($"Duplicate feature '{feature.Name}'.", nameof(features));
            }
        }

        ContentHash = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Write(includeHash: false, indented: false)));
    }

    /// <summary>Equal-frequency bins per numeric feature used to build the profile.</summary>
    public int BinCount { get; }

    /// <summary>Features in ordinal name order.</summary>
    public IReadOnlyList<ReferenceFeature> Features => _features;

    /// <summary>
    /// <c>sha256:</c> + lower-case hex SHA-256 of the canonical (compact, hash-less) JSON form;
    /// identical contents give identical hashes, so it serves as the profile's version.
    /// </summary>
    public string ContentHash { get; }

    /// <summary>The feature named <paramref name="name"/>, if profiled.</summary>
    public bool TryGetFeature(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ReferenceFeature? feature) =>
        _byName.TryGetValue(name, out feature);

    /// <summary>Indented JSON with <c>formatVersion</c> and <c>contentHash</c>.</summary>
    public string ToJson() => System.Text.Encoding.UTF8.GetString(Write(includeHash: true, indented: true));

    /// <summary>Reads a profile written by <see cref="ToJson"/> and checks its version and hash.</summary>
    /// <exception cref="InvalidDataException">Unknown format version, malformed content or hash mismatch.</exception>
    public static ReferenceProfile FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var version = root.GetProperty("formatVersion").GetInt32();
            if (version != FormatVersion)
            {
                throw new InvalidDataException($"Unsupported reference profile format version {version}.");
            }

            var features = new List<ReferenceFeature>();
            foreach (var f in root.GetProperty("features").EnumerateArray())
            {
                features.Add(ReadFeature(f));
            }

            var profile = new ReferenceProfile(root.GetProperty("binCount").GetInt32(), features);
            var stored = root.GetProperty("contentHash").GetString();
            if (!string.Equals(stored, profile.ContentHash, StringComparison.Ordinal))
            {
                throw new InvalidDataException("The reference profile's content does not match its contentHash.");
            }

            return profile;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException
                                       or FormatException or ArgumentException)
        {
            throw new InvalidDataException("Malformed reference profile: " + ex.Message, ex);
        }
    }

    private static ReferenceFeature ReadFeature(JsonElement f)
    {
        var name = f.GetProperty("name").GetString()!;
        var kind = f.GetProperty("kind").GetString() switch
        {
            "numeric" => FeatureKind.Numeric,
            "categorical" => FeatureKind.Categorical,
            var other => throw new InvalidDataException($"Unknown feature kind '{other}'."),
        };
        var counts = f.GetProperty("counts").EnumerateArray().Select(c => c.GetInt64()).ToArray();
        var missing = f.GetProperty("missing").GetInt64();
        if (kind == FeatureKind.Numeric)
        {
            var edges = f.GetProperty("edges").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            return new ReferenceFeature(name, BinLayout.Numeric(edges), counts, f.GetProperty("std").GetDouble(), missing);
        }

        var categories = f.GetProperty("categories").EnumerateArray().Select(c => c.GetString()!).ToArray();
        var layout = BinLayout.Categorical(categories);
        if (layout.Categories.Count != categories.Length || !layout.Categories.SequenceEqual(categories, StringComparer.Ordinal))
        {
            // Counts are positional, so categories out of order would silently shift them.
            throw new InvalidDataException($"Categories of '{name}' are not unique and in ordinal order.");
        }

        return new ReferenceFeature(name, layout, counts, null, missing);
    }

    private byte[] Write(bool includeHash, bool indented)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("formatVersion", FormatVersion);
            if (includeHash)
            {
                writer.WriteString("contentHash", ContentHash);
            }

            writer.WriteNumber("binCount", BinCount);
            writer.WriteStartArray("features");
            foreach (var feature in _features)
            {
                WriteFeature(writer, feature);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteFeature(Utf8JsonWriter writer, ReferenceFeature feature)
    {
        writer.WriteStartObject();
        writer.WriteString("name", feature.Name);
        writer.WriteString("kind", feature.Kind == FeatureKind.Numeric ? "numeric" : "categorical");
        if (feature.Kind == FeatureKind.Numeric)
        {
            writer.WriteStartArray("edges");
            foreach (var edge in feature.Layout.Edges)
            {
                // Utf8JsonWriter writes the shortest round-trip form, so edges survive exactly.
                writer.WriteNumberValue(edge);
            }

            writer.WriteEndArray();
            writer.WriteNumber("std", feature.StandardDeviation!.Value);
        }
        else
        {
            writer.WriteStartArray("categories");
            foreach (var category in feature.Layout.Categories)
            {
                writer.WriteStringValue(category);
            }

            writer.WriteEndArray();
        }

        writer.WriteStartArray("counts");
        foreach (var count in feature.Counts)
        {
            writer.WriteNumberValue(count);
        }

        writer.WriteEndArray();
        writer.WriteNumber("n", feature.Count);
        writer.WriteNumber("missing", feature.Missing);
        writer.WriteEndObject();
    }
}
