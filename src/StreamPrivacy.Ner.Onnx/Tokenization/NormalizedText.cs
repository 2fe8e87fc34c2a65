namespace StreamPrivacy.Ner.Onnx.Tokenization;

/// <summary>
/// A text after BERT normalization, with the source range (in the original text) of every normalized
/// character, so that token offsets can be mapped back to the caller's UTF-16 offsets.
/// </summary>
internal sealed class NormalizedText
{
    private char[] _chars;
    private int[] _sourceStart;
    private int[] _sourceEnd;

    public NormalizedText(int capacity)
    {
        capacity = Math.Max(capacity, 16);
        _chars = new char[capacity];
        _sourceStart = new int[capacity];
        _sourceEnd = new int[capacity];
    }

    /// <summary>Number of normalized characters.</summary>
    public int Length { get; private set; }

    /// <summary>The normalized characters.</summary>
    public ReadOnlySpan<char> Chars => _chars.AsSpan(0, Length);

    /// <summary>Offset in the original text of the character that produced normalized character <paramref name="index"/>.</summary>
    public int SourceStart(int index) => _sourceStart[index];

    /// <summary>Offset just past the original character(s) that produced normalized character <paramref name="index"/>.</summary>
    public int SourceEnd(int index) => _sourceEnd[index];

    /// <summary>Appends <paramref name="c"/>, produced by original characters [<paramref name="sourceStart"/>, <paramref name="sourceEnd"/>).</summary>
    public void Append(char c, int sourceStart, int sourceEnd)
    {
        if (Length == _chars.Length)
        {
            var capacity = _chars.Length * 2;
            Array.Resize(ref _chars, capacity);
            Array.Resize(ref _sourceStart, capacity);
            Array.Resize(ref _sourceEnd, capacity);
        }

        _chars[Length] = c;
        _sourceStart[Length] = sourceStart;
        _sourceEnd[Length] = sourceEnd;
        Length++;
    }
}
