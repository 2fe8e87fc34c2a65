using System.Buffers;

namespace StreamPrivacy.Core.Redaction.Detection;

/// <summary>
/// A one-pass character profile of a text, used to skip detectors that cannot possibly match
/// (a card needs 13 digits, an e-mail an '@', …) and whole texts of well-known non-PII shapes
/// (a bare UUID or ISO-8601 timestamp). Conservative by construction: a gate only skips a detector
/// when its entity type cannot occur in the text at all.
/// </summary>
internal readonly struct TextProfile
{
    private static readonly SearchValues<char> Interesting = SearchValues.Create("0123456789@:.-");
    private static readonly SearchValues<char> TimestampTail = SearchValues.Create("0123456789:.+-Z");

    private TextProfile(int digits, bool at, bool colon, bool dot, bool dash)
    {
        Digits = digits;
        HasAt = at;
        HasColon = colon;
        HasDot = dot;
        HasDash = dash;
    }

    public int Digits { get; }

    public bool HasAt { get; }

    public bool HasColon { get; }

    public bool HasDot { get; }

    public bool HasDash { get; }

    public static TextProfile Of(ReadOnlySpan<char> text)
    {
        int digits = 0;
        bool at = false, colon = false, dot = false, dash = false;
        var i = text.IndexOfAny(Interesting);
        if (i < 0)
        {
            return default;
        }

        foreach (var c in text[i..])
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c == '@')
            {
                at = true;
            }
            else if (c == ':')
            {
                colon = true;
            }
            else if (c == '.')
            {
                dot = true;
            }
            else if (c == '-')
            {
                dash = true;
            }
        }

        return new TextProfile(digits, at, colon, dot, dash);
    }

    /// <summary>False when the built-in entity type cannot occur in a text with this profile; true for unknown types.</summary>
    public bool MayContain(string entityType) => entityType switch
    {
        EntityTypes.EmailAddress => HasAt,
        EntityTypes.PhoneNumber => Digits >= 7,
        EntityTypes.CreditCard => Digits >= 13,
        EntityTypes.IbanCode => Digits >= 2,
        EntityTypes.UsSsn => Digits >= 9,
        EntityTypes.IpAddress => (HasDot && Digits >= 4) || HasColon,
        EntityTypes.MacAddress => HasColon || HasDash || HasDot,
        _ => true,
    };

    /// <summary>
    /// True when the whole text is a bare UUID (8-4-4-4-12 hex) or an ISO-8601 date-time: shapes that
    /// are identifiers of events, not of people, and that look like numbers to naive detectors.
    /// </summary>
    public static bool IsKnownNonPiiShape(ReadOnlySpan<char> text) => IsUuid(text) || IsIsoTimestamp(text);

    private static bool IsUuid(ReadOnlySpan<char> t)
    {
        if (t.Length != 36 || t[8] != '-' || t[13] != '-' || t[18] != '-' || t[23] != '-')
        {
            return false;
        }

        for (var i = 0; i < 36; i++)
        {
            if (i is not (8 or 13 or 18 or 23) && !char.IsAsciiHexDigit(t[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIsoTimestamp(ReadOnlySpan<char> t)
    {
        // YYYY-MM-DDThh:mm[:ss[.fff…]][Z|±hh:mm]
        if (t.Length is < 16 or > 40 || t[4] != '-' || t[7] != '-' || (t[10] != 'T' && t[10] != ' ') || t[13] != ':')
        {
            return false;
        }

        return t[..4].IndexOfAnyExceptInRange('0', '9') < 0
            && t[5..7].IndexOfAnyExceptInRange('0', '9') < 0
            && t[8..10].IndexOfAnyExceptInRange('0', '9') < 0
            && t[11..13].IndexOfAnyExceptInRange('0', '9') < 0
            && t[14..].IndexOfAnyExcept(TimestampTail) < 0;
    }
}
