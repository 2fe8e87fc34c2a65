namespace StreamPrivacy.Core.Redaction;

/// <summary>
/// Per-engine, per-thread memo of scanning results for short strings that repeat across events
/// (property names, categories, labels, model names). Detection is a pure function of the text and
/// the engine's detectors, so a remembered verdict is exactly what a fresh scan would return.
/// Bounded: once full, new strings are scanned every time.
/// </summary>
internal sealed class ScanCache
{
    /// <summary>Longest string remembered.</summary>
    public const int MaxLength = 32;

    private const int MaxEntries = 8192;
    private readonly HashSet<string> _clean = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

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
}
