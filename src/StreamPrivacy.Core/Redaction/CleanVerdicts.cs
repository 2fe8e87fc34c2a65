using StreamPrivacy.Core.Redaction.Detection;

namespace StreamPrivacy.Core.Redaction;

/// <summary>
/// Strings that a redaction engine scanned and found clean (with the field hint they were scanned under),
/// remembered exactly — their characters, not a hash — per thread, for the post-redaction verifier of the
/// same sanitizer. Detection is a pure function of the text, the hint and the detectors, so when the
/// verifier's detectors are a subset of the engine's (the policy disables no built-in type; see
/// <c>SanitizerFactory</c>) a string the engine wrote unchanged, or a replacement the engine scanned again and
/// found clean, gets the same verdict from a second scan: the verifier looks it up here instead. Values written
/// by field rules or operators without a scan, and everything when types are disabled, are still scanned.
/// </summary>
/// <remarks>Bounded: each thread keeps the most recent strings (a ring of <see cref="Capacity"/> entries and 16 KB of text).</remarks>
internal sealed class CleanVerdicts
{
    /// <summary>Entries kept per thread.</summary>
    public const int Capacity = 64;

    private const int MaxChars = 16 * 1024;
    private readonly ThreadLocal<Ring> _rings = new(() => new Ring());

    /// <summary>Remembers that <paramref name="text"/>, scanned under <paramref name="hint"/>, holds no detection.</summary>
    public void Add(ReadOnlySpan<char> text, FieldHint hint)
    {
        if (text.Length <= MaxChars / 4)
        {
            _rings.Value!.Add(text, hint);
        }
    }

    /// <summary>True when the engine found <paramref name="text"/> clean under <paramref name="hint"/> (recently, on this thread).</summary>
    public bool Contains(ReadOnlySpan<char> text, FieldHint hint) => _rings.Value!.Contains(text, hint);

    private sealed class Ring
    {
        private readonly char[] _chars = new char[MaxChars];
        private readonly (int Start, int Length, int Hash, FieldHint Hint)[] _entries = new (int, int, int, FieldHint)[Capacity];
        private int _used;
        private int _next;
        private int _count;

        public void Add(ReadOnlySpan<char> text, FieldHint hint)
        {
            if (_used + text.Length > _chars.Length || _next == Capacity)
            {
                // Start over: older verdicts are only dropped, never wrong.
                _used = 0;
                _next = 0;
                _count = 0;
            }

            text.CopyTo(_chars.AsSpan(_used));
            _entries[_next++] = (_used, text.Length, string.GetHashCode(text), hint);
            _count = Math.Max(_count, _next);
            _used += text.Length;
        }

        public bool Contains(ReadOnlySpan<char> text, FieldHint hint)
        {
            if (_count == 0)
            {
                return false;
            }

            var hash = string.GetHashCode(text);
            for (var i = 0; i < _count; i++)
            {
                var (start, length, entryHash, entryHint) = _entries[i];
                if (entryHash == hash && length == text.Length && entryHint == hint && _chars.AsSpan(start, length).SequenceEqual(text))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
