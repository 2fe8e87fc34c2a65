using System.Buffers;

namespace StreamPrivacy.Core.Redaction.Detection;

/// <summary>
/// Whole-value checks for fields whose key names the entity (<see cref="FieldHint"/>): the value, trimmed,
/// is reported as that entity when it passes the type's own validation once separators are set aside —
/// <c>{"ssn": 536221234}</c>, <c>{"card_number": "4111_1111_1111_1111"}</c>, <c>{"phone": 4155550132}</c>.
/// </summary>
internal static class HintedValues
{
    /// <summary>Score of a value matched through its key.</summary>
    public const double Score = 0.85;

    private static readonly SearchValues<char> NumberSeparators = SearchValues.Create(" -./_");
    private static readonly SearchValues<char> PhoneSeparators = SearchValues.Create(" -./_~()");
    private static readonly SearchValues<char> IbanSeparators = SearchValues.Create(" -");

    /// <summary>The whole-value match for <paramref name="hint"/>, if the value validates.</summary>
    public static PiiMatch? Match(FieldHint hint, ReadOnlySpan<char> text)
    {
        var (start, end) = DetectionText.Trimmed(text);

        var value = text[start..end];
        if (value.IsEmpty || value.Length > 64)
        {
            return null;
        }

        var (type, valid) = hint switch
        {
            FieldHint.UsSsn => (EntityTypes.UsSsn, IsSsn(value)),
            FieldHint.CreditCard => (EntityTypes.CreditCard, IsCard(value)),
            FieldHint.Phone => (EntityTypes.PhoneNumber, IsPhone(value)),
            FieldHint.Iban => (EntityTypes.IbanCode, IsIban(value)),
            _ => (string.Empty, false),
        };
        return valid ? new PiiMatch(start, end - start, type, Score) : null;
    }

    private static int Digits(ReadOnlySpan<char> value, SearchValues<char> separators, Span<char> digits)
    {
        var count = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length)
                {
                    return -1;
                }

                digits[count++] = c;
            }
            else if (!separators.Contains(c))
            {
                return -1;
            }
        }

        return count;
    }

    private static bool IsSsn(ReadOnlySpan<char> value)
    {
        Span<char> d = stackalloc char[9];
        return Digits(value, NumberSeparators, d) == 9 && UsSsnDetector.IsValid(d[..3], d[3..5], d[5..]);
    }

    private static bool IsCard(ReadOnlySpan<char> value)
    {
        Span<char> d = stackalloc char[19];
        var n = Digits(value, NumberSeparators, d);
        return n is >= 13 and <= 19 && Checksums.Luhn(d[..n]) && d[..n].ContainsAnyExcept(d[0]);
    }

    private static bool IsPhone(ReadOnlySpan<char> value)
    {
        var body = value[0] == '+' ? value[1..] : value;
        Span<char> d = stackalloc char[15];
        var n = Digits(body, PhoneSeparators, d);
        return n is >= 7 and <= 15 && d[..n].ContainsAnyExcept(d[0]);
    }

    private static bool IsIban(ReadOnlySpan<char> value)
    {
        Span<char> compact = stackalloc char[34];
        var n = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (n == compact.Length)
                {
                    return false;
                }

                compact[n++] = c;
            }
            else if (!IbanSeparators.Contains(c))
            {
                return false;
            }
        }

        return n >= 4 && IbanRegistry.LengthFor(compact[0], compact[1]) == n && Checksums.Mod97(compact[..n]);
    }
}
