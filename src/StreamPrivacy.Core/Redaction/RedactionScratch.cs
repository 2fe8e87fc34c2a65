using System.Buffers;
using System.Text;
using StreamPrivacy.Core.Redaction.Detection;
using StreamPrivacy.Core.Redaction.Paths;

namespace StreamPrivacy.Core.Redaction;

/// <summary>Per-thread working space of the redaction engine, so clean strings cost no allocation.</summary>
internal sealed class RedactionScratch
{
    private const int MaxInternedNames = 4096;
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly PooledChars _chars = new();

    public List<PathElement> Path { get; } = new(16);

    public List<PiiMatch> Matches { get; } = new(8);

    public List<PiiMatch> Candidates { get; } = new(8);

    public StringBuilder Builder { get; } = new(256);

    public PathKeyCache PathKeys { get; } = new();

    private System.Text.Json.Utf8JsonWriter? _writer;

    /// <summary>A reused JSON writer pointed at <paramref name="output"/> (writers are reset, not reallocated, per document).</summary>
    public System.Text.Json.Utf8JsonWriter Writer(IBufferWriter<byte> output, System.Text.Json.JsonWriterOptions options)
    {
        if (_writer is null)
        {
            _writer = new System.Text.Json.Utf8JsonWriter(output, options);
        }
        else
        {
            _writer.Reset(output);
        }

        return _writer;
    }

    public Span<char> Chars(int length) => _chars.Get(length);

    /// <summary>Returns a shared string for a property name (names repeat across events).</summary>
    public string Intern(ReadOnlySpan<char> name)
    {
        var lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(name, out var existing))
        {
            return existing;
        }

        var created = name.ToString();
        if (_names.Count < MaxInternedNames)
        {
            _names[created] = created;
        }

        return created;
    }
}
