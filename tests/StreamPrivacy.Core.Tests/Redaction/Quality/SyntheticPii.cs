using System.Globalization;
using System.Net;
using Bogus;
using PhoneNumbers;

namespace StreamPrivacy.Core.Tests.Redaction.Quality;

/// <summary>Generates valid synthetic PII values in the formats people actually write them.</summary>
internal sealed class SyntheticPii(Faker faker)
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();
    private static readonly string[] PhoneRegions = ["US", "GB", "DE", "FR", "IN"];

    private readonly Faker _f = faker;

    public string Email()
    {
        var first = _f.Name.FirstName();
        var last = _f.Name.LastName();
        return _f.Random.Int(0, 5) switch
        {
            0 => _f.Internet.Email(first, last),
            1 => _f.Internet.ExampleEmail(first, last),
            2 => $"{first}.{last}+{_f.Lorem.Word()}@{_f.Internet.DomainWord()}.co.uk",
            3 => $"{first[0]}{last}{_f.Random.Int(1, 99)}@mail.{_f.Internet.DomainName()}".ToUpperInvariant(),
            4 => $"{last}-{first}_{_f.Random.Int(1950, 2010)}@{_f.Internet.DomainWord()}-{_f.Internet.DomainWord()}.{_f.PickRandom("io", "de", "fr", "org", "net", "info", "museum")}",
            _ => _f.Internet.Email(),
        };
    }

    public string Phone()
    {
        string region = _f.PickRandom(PhoneRegions);
        var number = ValidNumber(region);
        string national = Phones.Format(number, PhoneNumberFormat.NATIONAL);
        string international = Phones.Format(number, PhoneNumberFormat.INTERNATIONAL);
        if (region == "US")
        {
            string nsn = Phones.GetNationalSignificantNumber(number);
            string a = nsn[..3], e = nsn[3..6], l = nsn[6..];
            return _f.Random.Int(0, 8) switch
            {
                7 => $"{a}-{e}-{l}x{_f.Random.Int(1, 9999)}",
                0 => national,
                1 => $"{a}-{e}-{l}",
                2 => $"{a}.{e}.{l}",
                3 => $"+1 {a} {e} {l}",
                4 => $"1-{a}-{e}-{l}",
                5 => $"+1-{a}-{e}-{l}",
                6 => international,
                _ => Phones.Format(number, PhoneNumberFormat.E164),
            };
        }

        return _f.Random.Int(0, 3) switch
        {
            0 or 1 => national,
            2 => international,
            _ => Phones.Format(number, PhoneNumberFormat.E164),
        };
    }

    public string CreditCard()
    {
        var (prefix, length) = _f.Random.Int(0, 9) switch
        {
            0 => ("4", _f.PickRandom(16, 16, 16, 13, 19)),
            1 => (_f.Random.Int(51, 55).ToString(CultureInfo.InvariantCulture), 16),
            2 => (_f.Random.Int(2221, 2720).ToString(CultureInfo.InvariantCulture), 16),
            3 => (_f.PickRandom("34", "37"), 15),
            4 => (_f.PickRandom("6011", "65"), 16),
            5 => (_f.Random.Int(3528, 3589).ToString(CultureInfo.InvariantCulture), 16),
            6 => (_f.PickRandom("36", "300", "305"), 14),
            7 => ("62", _f.PickRandom(16, 19)),
            8 => (_f.PickRandom("5018", "6759", "6304"), _f.PickRandom(16, 19)),
            _ => ("4", 16),
        };
        string digits = WithLuhn(prefix + _f.Random.ReplaceNumbers(new string('#', length - prefix.Length - 1)));
        return FormatCard(digits, _f.Random.Int(0, 2));
    }

    public static string FormatCard(string digits, int style)
    {
        int[] groups = digits.Length switch
        {
            15 => [4, 6, 5],
            14 => [4, 6, 4],
            13 => [4, 4, 5],
            19 => [4, 4, 4, 4, 3],
            _ => [4, 4, 4, 4],
        };
        if (style == 0)
        {
            return digits;
        }

        var parts = new List<string>();
        int at = 0;
        foreach (int g in groups)
        {
            parts.Add(digits.Substring(at, g));
            at += g;
        }

        return string.Join(style == 1 ? " " : "-", parts);
    }

    public static string WithLuhn(string body)
    {
        for (char d = '0'; d <= '9'; d++)
        {
            if (Luhn(body + d))
            {
                return body + d;
            }
        }

        throw new InvalidOperationException("unreachable");
    }

    public static bool Luhn(string digits)
    {
        int sum = 0;
        for (int i = 0; i < digits.Length; i++)
        {
            int d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d = d * 2 > 9 ? (d * 2) - 9 : d * 2;
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    /// <summary>A valid IBAN from Bogus, checked independently (BigInteger mod 97), formatted or not, sometimes lower case.</summary>
    public string Iban()
    {
        while (true)
        {
            string iban = _f.Finance.Iban(formatted: _f.Random.Bool());
            if (!IbanIsValid(iban))
            {
                continue;
            }

            return _f.Random.Int(0, 9) == 0 ? iban.ToLowerInvariant() : iban;
        }
    }

    public static bool IbanIsValid(string iban)
    {
        string compact = iban.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (!RegistryLengths.TryGetValue(compact[..2], out int length) || compact.Length != length)
        {
            return false;
        }

        string rearranged = compact[4..] + compact[..4];
        var digits = string.Concat(rearranged.Select(c => char.IsDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture)));
        return System.Numerics.BigInteger.Parse(digits, CultureInfo.InvariantCulture) % 97 == 1;
    }

    /// <summary>Independent copy of the SWIFT registry lengths (the test must not trust the detector's table).</summary>
    public static readonly Dictionary<string, int> RegistryLengths = new(StringComparer.Ordinal)
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16, ["BG"] = 22, ["BH"] = 22,
        ["BI"] = 27, ["BR"] = 29, ["BY"] = 28, ["CH"] = 21, ["CR"] = 22, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22, ["DJ"] = 27,
        ["DK"] = 18, ["DO"] = 28, ["EE"] = 20, ["EG"] = 29, ["ES"] = 24, ["FI"] = 18, ["FK"] = 18, ["FO"] = 18, ["FR"] = 27,
        ["GB"] = 22, ["GE"] = 22, ["GI"] = 23, ["GL"] = 18, ["GR"] = 27, ["GT"] = 28, ["HN"] = 28, ["HR"] = 21, ["HU"] = 28,
        ["IE"] = 22, ["IL"] = 23, ["IQ"] = 23, ["IS"] = 26, ["IT"] = 27, ["JO"] = 30, ["KW"] = 30, ["KZ"] = 20, ["LB"] = 28,
        ["LC"] = 32, ["LI"] = 21, ["LT"] = 20, ["LU"] = 20, ["LV"] = 21, ["LY"] = 25, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22,
        ["MK"] = 19, ["MN"] = 20, ["MR"] = 27, ["MT"] = 31, ["MU"] = 30, ["NI"] = 28, ["NL"] = 18, ["NO"] = 15, ["OM"] = 23,
        ["PK"] = 24, ["PL"] = 28, ["PS"] = 29, ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22, ["RU"] = 33, ["SA"] = 24,
        ["SC"] = 31, ["SD"] = 18, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["SO"] = 23, ["ST"] = 25, ["SV"] = 28,
        ["TL"] = 23, ["TN"] = 24, ["TR"] = 26, ["UA"] = 29, ["VA"] = 22, ["VG"] = 24, ["XK"] = 20, ["YE"] = 30,
    };

    /// <summary>Returns (value, needsContext): contiguous SSNs are only PII-shaped next to a context word.</summary>
    public (string Value, bool Contiguous) Ssn()
    {
        string area, group, serial;
        do
        {
            area = _f.Random.Int(1, 899).ToString("000", CultureInfo.InvariantCulture);
            group = _f.Random.Int(1, 99).ToString("00", CultureInfo.InvariantCulture);
            serial = _f.Random.Int(1, 9999).ToString("0000", CultureInfo.InvariantCulture);
        }
        while (area == "666" || (area + group + serial) is "078051120" or "219099999" or "123456789");

        return _f.Random.Int(0, 9) switch
        {
            < 5 => ($"{area}-{group}-{serial}", false),
            < 7 => ($"{area} {group} {serial}", false),
            _ => ($"{area}{group}{serial}", true),
        };
    }

    public string Ip()
    {
        switch (_f.Random.Int(0, 7))
        {
            case 0:
            case 1:
            case 2:
                return _f.Internet.Ip();
            case 3:
                return _f.Internet.Ipv6();
            case 4:
            {
                // Compressed form: zero some groups and let IPAddress print the canonical "::" form.
                var bytes = _f.Random.Bytes(16);
                int zeroFrom = _f.Random.Int(1, 6), zeroTo = _f.Random.Int(zeroFrom + 1, 8);
                for (int i = zeroFrom * 2; i < zeroTo * 2; i++)
                {
                    bytes[i] = 0;
                }

                bytes[0] = 0x20;
                bytes[1] = 0x01;
                return new IPAddress(bytes).ToString();
            }

            case 5:
                return $"::ffff:{_f.Internet.Ip()}";
            case 6:
                return $"fe80::{_f.Random.Hexadecimal(4, "")}:{_f.Random.Hexadecimal(4, "")}%{_f.PickRandom("eth0", "en0", "wlan1", "12")}";
            default:
                return _f.Internet.Ipv6().ToUpperInvariant();
        }
    }

    public string Mac()
    {
        string mac = _f.Internet.Mac();
        return _f.Random.Int(0, 4) switch
        {
            0 => mac,
            1 => mac.ToUpperInvariant(),
            2 => mac.Replace(':', '-').ToUpperInvariant(),
            3 => mac.Replace(':', '-'),
            _ => string.Join('.', mac.Replace(":", "", StringComparison.Ordinal).Chunk(4).Select(c => new string(c))),
        };
    }

    private PhoneNumber ValidNumber(string region)
    {
        var type = _f.PickRandom(PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE);
        var example = Phones.GetExampleNumberForType(region, type);
        string nsn = Phones.GetNationalSignificantNumber(example);
        while (true)
        {
            // Keep the example's area/mobile prefix and randomise the subscriber part.
            int keep = Math.Max(2, nsn.Length - 6);
            string candidate = nsn[..keep] + _f.Random.ReplaceNumbers(new string('#', nsn.Length - keep));
            var number = Phones.Parse(candidate, region);
            if (Phones.IsValidNumber(number))
            {
                return number;
            }
        }
    }
}
