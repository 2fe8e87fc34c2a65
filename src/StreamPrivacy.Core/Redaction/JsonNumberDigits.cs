namespace StreamPrivacy.Core.Redaction;

/// <summary>
/// The digit sequence a JSON number stands for, when it stands for an integer: <c>4111111111111111</c>,
/// <c>4111111111111111.0</c>, <c>4.111111111111111e15</c> and <c>-4111111111111111</c> all give
/// <c>4111111111111111</c>. Numbers are text too: a card, account or phone number stored as a number (and
/// re-serialised by a tool as a float) is scanned as the digits it was written with.
/// </summary>
internal static class JsonNumberDigits
{
    /// <summary>Longest digit sequence produced (an exponent that would make more is not an identifier).</summary>
    public const int MaxDigits = 32;

    /// <summary>Writes the integer's digits into <paramref name="digits"/>; false for a fraction, a malformed number or one too long.</summary>
    public static bool TryGetInteger(ReadOnlySpan<byte> raw, Span<char> digits, out int length)
    {
        length = 0;
        var i = 0;
        if (i < raw.Length && raw[i] == '-')
        {
            i++;
        }

        Span<char> mantissa = stackalloc char[MaxDigits * 2];
        var count = 0;
        var fraction = 0;
        var seenDot = false;
        for (; i < raw.Length; i++)
        {
            var b = raw[i];
            if (b is >= (byte)'0' and <= (byte)'9')
            {
                if (count == 0 && b == '0' && !seenDot)
                {
                    continue; // leading zeros of the integer part
                }

                if (count == mantissa.Length)
                {
                    return false;
                }

                mantissa[count++] = (char)b;
                fraction += seenDot ? 1 : 0;
            }
            else if (b == '.' && !seenDot)
            {
                seenDot = true;
            }
            else
            {
                break;
            }
        }

        var exponent = 0;
        if (i < raw.Length && raw[i] is (byte)'e' or (byte)'E')
        {
            i++;
            var negative = i < raw.Length && raw[i] == '-';
            if (i < raw.Length && raw[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            var start = i;
            for (; i < raw.Length && raw[i] is >= (byte)'0' and <= (byte)'9'; i++)
            {
                exponent = Math.Min((exponent * 10) + (raw[i] - '0'), 1000);
            }

            if (i == start)
            {
                return false;
            }

            exponent = negative ? -exponent : exponent;
        }

        if (i != raw.Length || count == 0)
        {
            return false;
        }

        var shift = exponent - fraction;
        if (shift < 0)
        {
            // Digits after the decimal point must all be zero for an integer ("4111111111111111.0").
            if (-shift > count || mantissa[(count + shift)..count].ContainsAnyExcept('0'))
            {
                return false;
            }

            count += shift;
            shift = 0;
        }

        if (count + shift > Math.Min(MaxDigits, digits.Length) || count == 0)
        {
            return false;
        }

        mantissa[..count].CopyTo(digits);
        digits.Slice(count, shift).Fill('0');
        length = count + shift;
        return true;
    }
}
