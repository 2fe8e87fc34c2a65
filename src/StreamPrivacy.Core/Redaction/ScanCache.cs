using System.Text.Json;

namespace StreamPrivacy.Core.Redaction;

/// <summary>
/// Per-engine, per-thread memo of scanning results for short strings that repeat across events
/// (property names, categories, labels, model names). Detection is a pure function of the text and
/// the engine's detectors, so a remembered verdict is exactly what a fresh scan would return.
/// Strings are looked up by their decoded text or, on the engine's path, by their raw UTF-8 bytes as
/// read (unescaped JSON strings only) so that a known string is neither decoded nor re-encoded.
/// Bounded: the text memo stops growing when full; the UTF-8 memos are fixed-size, keep what repeats
/// (<see cref="Utf8Memo{T}"/>) and never affect results, only whether a string is scanned again.
/// </summary>
internal sealed class ScanCache
{
    /// <summary>Longest string remembered (characters, or bytes for UTF-8 lookups).</summary>
    public const int MaxLength = 32;

    private const int MaxEntries = 8192;
    private readonly HashSet<string> _clean = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Utf8Memo<JsonEncodedText> _cleanUtf8 = new(MaxEntries / 2);
    private readonly Utf8Memo<CachedName> _namesUtf8 = new(MaxEntries / 2);

    /// <summary>True when <paramref name="text"/> is known to hold no detection.</summary>
    public bool IsKnownClean(ReadOnlySpan<char> text) =>
        text.Length <= MaxLength && _clean.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text);

    /// <summary>Remembers that <paramref name="text"/> holds no detection.</summary>
    public void AddClean(ReadOnlySpan<char> text)
    {
        if (text.Length <= MaxLength && _clean.Count < MaxEntries)
        {
            _clean.Add(text.ToString());
        }
    }

    /// <summary>The encoded form of an unescaped JSON string (raw UTF-8) known to hold no detection.</summary>
    public bool TryGetClean(ReadOnlySpan<byte> utf8, out JsonEncodedText encoded)
    {
        encoded = default;
        return utf8.Length <= MaxLength && _cleanUtf8.TryGet(utf8, out encoded);
    }

    /// <summary>Remembers that the unescaped JSON string <paramref name="utf8"/> holds no detection; <paramref name="text"/> is its decoded form.</summary>
    public void AddClean(ReadOnlySpan<byte> utf8, ReadOnlySpan<char> text, JsonWriterOptions options)
    {
        if (utf8.Length <= MaxLength && _cleanUtf8.Admit(_cleanUtf8.Hash(utf8)))
        {
            _cleanUtf8.Add(utf8, _cleanUtf8.Hash(utf8), JsonEncodedText.Encode(text, options.Encoder));
        }
    }

    /// <summary>The remembered safe form of a property name, if any.</summary>
    public bool TryGetName(string name, out string safe) => _names.TryGetValue(name, out safe!);

    /// <summary>Remembers the safe form of a property name.</summary>
    public void AddName(string name, string safe)
    {
        if (_names.Count < MaxEntries)
        {
            _names[name] = safe;
        }
    }

    /// <summary>A property name (raw UTF-8 of an unescaped name) known to hold no detection.</summary>
    public bool TryGetName(ReadOnlySpan<byte> utf8, out CachedName name) => _namesUtf8.TryGet(utf8, out name);

    /// <summary>Remembers that the unescaped property name <paramref name="utf8"/> (decoded: <paramref name="name"/>) holds no detection.</summary>
    public void AddName(ReadOnlySpan<byte> utf8, string name, JsonWriterOptions options)
    {
        if (utf8.Length <= MaxLength * 4 && _namesUtf8.Admit(_namesUtf8.Hash(utf8)))
        {
            _namesUtf8.Add(utf8, _namesUtf8.Hash(utf8), new CachedName(name, JsonEncodedText.Encode(name, options.Encoder)));
        }
    }
}
