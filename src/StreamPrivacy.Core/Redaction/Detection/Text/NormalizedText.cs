using System.Globalization;

namespace StreamPrivacy.Core.Redaction.Detection.Text;

/// <summary>
/// The view of a text that detectors scan, with every view character mapped back to the characters of the
/// original it came from, so that a match found in the view redacts the original span. Copy-paste and
/// hostile forms are unified: NFKC compatibility forms with an ASCII equivalent (full-width digits and
/// '@', mathematical letters, ligatures) become ASCII, every Unicode space becomes ' ' (line and paragraph
/// separators '\n'), dashes and the minus sign '-', typographic apostrophes and quotes ASCII ones, any
/// script's decimal digits ASCII digits, and format characters (zero-width spaces and joiners, soft
/// hyphens, bidirectional controls) and combining marks are skipped. ASCII text is its own view.
/// One instance per thread: the buffers are reused.
/// </summary>
internal sealed class NormalizedText
{
    private char[] _chars = new char[256];
    private int[] _starts = new int[256];
    private int[] _ends = new int[256];
    private char[] _original = new char[256];
    private int _length;

    /// <summary>True when <paramref name="text"/> needs a view (it has a non-ASCII character).</summary>
    public static bool IsNeeded(ReadOnlySpan<char> text) => !System.Text.Ascii.IsValid(text);

    /// <summary>The current view.</summary>
    public ReadOnlySpan<char> View => _chars.AsSpan(0, _length);

    /// <summary>Builds the view of <paramref name="text"/> (replacing the previous one) and returns it.</summary>
    public ReadOnlySpan<char> Build(ReadOnlySpan<char> text)
    {
        _length = 0;
        if (_original.Length < text.Length)
        {
            _original = new char[Math.Max(text.Length, _original.Length * 2)];
        }

        text.CopyTo(_original);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c < 0x80)
            {
                Append(c, i, i + 1);
                i++;
                continue;
            }

            var width = 1;
            int codePoint = c;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                codePoint = char.ConvertToUtf32(c, text[i + 1]);
                width = 2;
            }

            Map(codePoint, text, i, i + width);
            i += width;
        }

        return View;
    }

    /// <summary>
    /// True when the view span [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>) was written
    /// differently in the original: with invisible characters inside, or characters that became these (full-width or
    /// another script's digits).
    /// </summary>
    public bool IsDisguised(int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            if (_ends[i] - _starts[i] != 1 || _original[_starts[i]] != _chars[i])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The original span (start, length) of the view span [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>).</summary>
    public (int Start, int Length) ToOriginal(int start, int length)
    {
        var originalStart = _starts[start];
        return (originalStart, _ends[start + length - 1] - originalStart);
    }

    private void Map(int codePoint, ReadOnlySpan<char> text, int start, int end)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(codePoint);
        switch (category)
        {
            case UnicodeCategory.Format:
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.EnclosingMark:
                Extend(end); // invisible: belongs to the character before it
                return;
            case UnicodeCategory.SpaceSeparator:
                Append(' ', start, end);
                return;
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
                Append('\n', start, end);
                return;
            case UnicodeCategory.DashPunctuation:
                Append('-', start, end);
                return;
            case UnicodeCategory.DecimalDigitNumber:
                Append((char)('0' + (int)System.Text.Rune.GetNumericValue(new System.Text.Rune(codePoint))), start, end);
                return;
        }

        switch (codePoint)
        {
            case 0x85:
                Append('\n', start, end);
                return;
            case 0x2212 or 0x2043 or 0xFE63:
                Append('-', start, end);
                return;
            case 0x2018 or 0x2019 or 0x201B or 0x02BC or 0x2032 or 0xFF07:
                Append('\'', start, end);
                return;
            case 0x201C or 0x201D or 0x201F or 0x2033 or 0xFF02:
                Append('"', start, end);
                return;
        }

        var compatible = UnicodeTables.CompatibilityForm(codePoint);
        if (!compatible.IsEmpty)
        {
            foreach (var ascii in compatible)
            {
                Append(ascii, start, end);
            }

            return;
        }

        foreach (var original in text[start..end])
        {
            Append(original, start, end);
        }
    }

    private void Append(char c, int start, int end)
    {
        if (_length == _chars.Length)
        {
            Array.Resize(ref _chars, _length * 2);
            Array.Resize(ref _starts, _length * 2);
            Array.Resize(ref _ends, _length * 2);
        }

        _chars[_length] = c;
        _starts[_length] = start;
        _ends[_length] = end;
        _length++;
    }

    private void Extend(int end)
    {
        if (_length > 0)
        {
            _ends[_length - 1] = end;
        }
    }
}
