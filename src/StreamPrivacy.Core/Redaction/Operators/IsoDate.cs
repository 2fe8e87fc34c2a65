namespace StreamPrivacy.Core.Redaction.Operators;

/// <summary>
/// Strict validator for ISO-8601 extended-format dates and timestamps
/// (<c>YYYY[-MM[-DD[(T| )hh[:mm[:ss[.f+]]][Z|±hh[:mm]]]]]</c>). Hand-written rather than
/// DateTime parsing so that reduced precision (<c>2026-11</c>, <c>2026-11-20T10</c>) is accepted,
/// nothing culture-dependent is, and no allocation happens.
/// </summary>
internal static class IsoDate
{
    /// <summary>
    /// True when <paramref name="value"/> is a valid ISO-8601 date/timestamp; <paramref name="precision"/>
    /// is the finest of Year/Month/Day/Hour it contains (minutes and below count as Hour).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> value, out DateTruncateUnit precision)
    {
        precision = DateTruncateUnit.Year;
        if (!TryDigits(value, 0, 4, out var year) || year < 1)
        {
            return false;
        }

        if (value.Length == 4)
        {
            return true;
        }

        if (value[4] != '-' || !TryDigits(value, 5, 2, out var month) || month is < 1 or > 12)
        {
            return false;
        }

        precision = DateTruncateUnit.Month;
        if (value.Length == 7)
        {
            return true;
        }

        if (value[7] != '-' || !TryDigits(value, 8, 2, out var day) || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        precision = DateTruncateUnit.Day;
        if (value.Length == 10)
        {
            return true;
        }

        if (value[10] is not ('T' or 't' or ' ') || !TryDigits(value, 11, 2, out var hour) || hour > 23)
        {
            return false;
        }

        precision = DateTruncateUnit.Hour;
        var position = 13;
        if (position < value.Length && value[position] == ':')
        {
            if (!TryDigits(value, position + 1, 2, out var minute) || minute > 59)
            {
                return false;
            }

            position += 3;
            if (position < value.Length && value[position] == ':')
            {
                if (!TryDigits(value, position + 1, 2, out var second) || second > 60)
                {
                    return false;
                }

                position += 3;
                if (position < value.Length && value[position] is '.' or ',')
                {
                    var start = ++position;
                    while (position < value.Length && char.IsAsciiDigit(value[position]))
                    {
                        position++;
                    }

                    if (position == start)
                    {
                        return false;
                    }
                }
            }
        }

        return IsZone(value[position..]);
    }

    private static bool IsZone(ReadOnlySpan<char> zone)
    {
        if (zone.IsEmpty || zone is "Z" || zone is "z")
        {
            return true;
        }

        if (zone[0] is not ('+' or '-') || !TryDigits(zone, 1, 2, out var hours) || hours > 23)
        {
            return false;
        }

        return zone.Length switch
        {
            3 => true,
            5 => TryDigits(zone, 3, 2, out var m) && m <= 59,
            6 => zone[3] == ':' && TryDigits(zone, 4, 2, out var mm) && mm <= 59,
            _ => false,
        };
    }

    private static bool TryDigits(ReadOnlySpan<char> value, int start, int count, out int number)
    {
        number = 0;
        if (start + count > value.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return false;
            }

            number = (number * 10) + (value[i] - '0');
        }

        return true;
    }
}
