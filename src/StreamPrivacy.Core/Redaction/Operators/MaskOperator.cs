using System.Text;

namespace StreamPrivacy.Core.Redaction.Operators;

/// <summary>
/// Overwrites the first (or, with <c>fromEnd</c>, the last) N characters with a masking character
/// (Presidio "mask"). N greater than or equal to the length masks everything.
/// </summary>
/// <remarks>
/// <para>
/// Presidio-compatible: characters are Unicode scalar values (Python <c>str</c> code points), so a
/// surrogate pair is one character, is never split, and becomes one masking character. Combining
/// sequences and emoji ZWJ sequences count as several characters, exactly as in Presidio. A lone
/// surrogate counts as one character.
/// </para>
/// <para>
/// Separators are not preserved (Presidio does not either): "4111-1111" with N = 4 gives
/// "****-1111" only because the hyphen is the fifth character. The output always has the same
/// number of characters as the input, so the length of the value is revealed, and unmasked
/// characters are emitted in clear; a partial mask is a display convenience, not anonymisation.
/// </para>
/// </remarks>
public sealed class MaskOperator : RedactionOperator
{
    private readonly char _maskingChar;
    private readonly int _charsToMask;
    private readonly bool _fromEnd;

    /// <summary>Creates a mask operator.</summary>
    /// <param name="maskingChar">The character written in place of each masked character (not a surrogate).</param>
    /// <param name="charsToMask">How many characters to mask, at least 1; <see cref="int.MaxValue"/> masks all.</param>
    /// <param name="fromEnd">Mask the last characters instead of the first.</param>
    public MaskOperator(char maskingChar = '*', int charsToMask = int.MaxValue, bool fromEnd = false)
    {
        if (char.IsSurrogate(maskingChar))
        {
            throw new ArgumentException("mask: masking_char must be a single character, not half a surrogate pair", nameof(maskingChar));
        }

        if (charsToMask < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(charsToMask), charsToMask, "mask: chars_to_mask must be >= 1");
        }

        _maskingChar = maskingChar;
        _charsToMask = charsToMask;
        _fromEnd = fromEnd;
    }

    /// <inheritdoc/>
    public override OperatorKind Kind => OperatorKind.Mask;

    /// <summary>The masking character.</summary>
    public char MaskingChar => _maskingChar;

    /// <summary>How many characters (Unicode scalar values) are masked.</summary>
    public int CharsToMask => _charsToMask;

    /// <summary>Whether the last characters are masked instead of the first.</summary>
    public bool FromEnd => _fromEnd;

    /// <inheritdoc/>
    public override void Apply(ReadOnlySpan<char> value, string entityType, StringBuilder output)
    {
        var total = CountScalars(value);
        var masked = Math.Min(_charsToMask, total);
        var maskFrom = _fromEnd ? total - masked : 0;
        var maskTo = maskFrom + masked;

        var index = 0;
        var position = 0;
        while (position < value.Length)
        {
            // Invalid (lone surrogate) still consumes one char, so it counts as one character.
            System.Text.Rune.DecodeFromUtf16(value[position..], out _, out var consumed);
            if (index >= maskFrom && index < maskTo)
            {
                output.Append(_maskingChar);
            }
            else
            {
                output.Append(value.Slice(position, consumed));
            }

            position += consumed;
            index++;
        }
    }

    private static int CountScalars(ReadOnlySpan<char> value)
    {
        var count = 0;
        for (var position = 0; position < value.Length; count++)
        {
            System.Text.Rune.DecodeFromUtf16(value[position..], out _, out var consumed);
            position += consumed;
        }

        return count;
    }
}
