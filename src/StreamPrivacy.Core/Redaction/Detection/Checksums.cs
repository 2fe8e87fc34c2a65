namespace StreamPrivacy.Core.Redaction.Detection;

/// <summary>Allocation-free checksum validators shared by the detectors.</summary>
internal static class Checksums
{
    private static readonly byte[,] VerhoeffMultiplication =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 2, 3, 4, 0, 6, 7, 8, 9, 5 }, { 2, 3, 4, 0, 1, 7, 8, 9, 5, 6 },
        { 3, 4, 0, 1, 2, 8, 9, 5, 6, 7 }, { 4, 0, 1, 2, 3, 9, 5, 6, 7, 8 }, { 5, 9, 8, 7, 6, 0, 4, 3, 2, 1 },
        { 6, 5, 9, 8, 7, 1, 0, 4, 3, 2 }, { 7, 6, 5, 9, 8, 2, 1, 0, 4, 3 }, { 8, 7, 6, 5, 9, 3, 2, 1, 0, 4 },
        { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 },
    };

    private static readonly byte[,] VerhoeffPermutation =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 5, 7, 6, 2, 8, 3, 0, 9, 4 }, { 5, 8, 0, 3, 7, 9, 6, 1, 4, 2 },
        { 8, 9, 1, 6, 0, 4, 3, 5, 2, 7 }, { 9, 4, 5, 3, 1, 2, 6, 8, 7, 0 }, { 4, 2, 8, 6, 5, 7, 3, 9, 0, 1 },
        { 2, 7, 9, 3, 8, 0, 6, 4, 1, 5 }, { 7, 0, 4, 6, 9, 1, 3, 2, 5, 8 },
    };

    /// <summary>Applies <paramref name="kind"/> to <paramref name="value"/>.</summary>
    public static bool IsValid(ChecksumKind kind, ReadOnlySpan<char> value) => kind switch
    {
        ChecksumKind.None => true,
        ChecksumKind.Luhn => Luhn(value),
        ChecksumKind.Mod97 => Mod97(value),
        ChecksumKind.Verhoeff => Verhoeff(value),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown checksum kind."),
    };

    /// <summary>Luhn over the ASCII digits of <paramref name="value"/>, ignoring every other character.</summary>
    public static bool Luhn(ReadOnlySpan<char> value)
    {
        int sum = 0, count = 0;
        for (int i = value.Length - 1; i >= 0; i--)
        {
            char c = value[i];
            if (!char.IsAsciiDigit(c))
            {
                continue;
            }

            int d = c - '0';
            if ((count & 1) == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            count++;
        }

        return count > 1 && sum % 10 == 0;
    }

    /// <summary>
    /// IBAN-style ISO 7064 MOD 97-10 over the ASCII letters and digits of <paramref name="value"/>
    /// (other characters such as spaces are ignored): remainder of the rearranged number must be 1.
    /// </summary>
    public static bool Mod97(ReadOnlySpan<char> value)
    {
        // Rearrangement without a buffer: process everything after the first four alphanumerics, then those four.
        int remainder = 0, seen = 0, headEnd = -1;
        for (int i = 0; i < value.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(value[i]))
            {
                continue;
            }

            if (seen < 4)
            {
                seen++;
                if (seen == 4)
                {
                    headEnd = i + 1;
                }

                continue;
            }

            remainder = Accumulate(remainder, value[i]);
        }

        if (seen < 4)
        {
            return false;
        }

        for (int i = 0; i < headEnd; i++)
        {
            if (char.IsAsciiLetterOrDigit(value[i]))
            {
                remainder = Accumulate(remainder, value[i]);
            }
        }

        return remainder == 1;
    }

    /// <summary>Verhoeff over the ASCII digits of <paramref name="value"/>.</summary>
    public static bool Verhoeff(ReadOnlySpan<char> value)
    {
        int check = 0, position = 0;
        for (int i = value.Length - 1; i >= 0; i--)
        {
            char c = value[i];
            if (!char.IsAsciiDigit(c))
            {
                continue;
            }

            check = VerhoeffMultiplication[check, VerhoeffPermutation[position % 8, c - '0']];
            position++;
        }

        return position > 1 && check == 0;
    }

    private static int Accumulate(int remainder, char c)
    {
        if (char.IsAsciiDigit(c))
        {
            return ((remainder * 10) + (c - '0')) % 97;
        }

        int v = char.ToUpperInvariant(c) - 'A' + 10;
        return ((remainder * 100) + v) % 97;
    }
}
