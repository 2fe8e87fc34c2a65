using System.Buffers;

namespace StreamPrivacy.Core.Redaction;

/// <summary>A per-thread char buffer that grows from the shared pool, for decoding JSON strings without allocating.</summary>
internal sealed class PooledChars
{
    private char[] _chars = new char[1024];

    /// <summary>A buffer of at least <paramref name="length"/> characters (valid until the next call).</summary>
    public Span<char> Get(int length)
    {
        if (_chars.Length < length)
        {
            ArrayPool<char>.Shared.Return(_chars);
            _chars = ArrayPool<char>.Shared.Rent(length);
        }

        return _chars;
    }
}
