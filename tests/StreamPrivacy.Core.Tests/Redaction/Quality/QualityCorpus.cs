using System.Globalization;
using Bogus;
using StreamPrivacy.Core.Redaction.Detection;

namespace StreamPrivacy.Core.Tests.Redaction.Quality;

/// <summary>
/// The labelled quality corpus: Bogus-generated sentences (fixed seed) embedding each entity type in several
/// formats and surroundings, hand-written edge cases, and look-alike sentences labelled "no PII".
/// </summary>
internal static class QualityCorpus
{
    public const int Seed = 20261120;
    public const int PerType = 320;
    public const int LookAlikesPerCategory = 70;

    private static readonly (string Prefix, string Suffix)[] Surroundings =
    [
        ("Please contact me at ", " tomorrow."),
        ("Customer wrote: my details are ", ", thanks!"),
        ("", ""),
        ("Note -> ", ""),
        ("(", ")"),
        ("\"", "\""),
        ("[user] value: ", " ;"),
        ("key=", "&next=1"),
        ("Reach out via ", " or by post."),
        ("Bitte an ", " schicken."),
        ("Voici le détail : ", "."),
        ("The agent copied '", "' into the ticket notes"),
        ("\t", "\n"),
        ("<td>", "</td>"),
    ];

    private static readonly Dictionary<string, string[]> Contexts = new(StringComparer.Ordinal)
    {
        [EntityTypes.EmailAddress] = ["my email is ", "mailto:", "send the invoice to ", "From: ", "user email="],
        [EntityTypes.PhoneNumber] = ["call me on ", "My phone is ", "tel: ", "mobile ", "Phone number: ", "ring "],
        [EntityTypes.CreditCard] = ["card number ", "paid with ", "my credit card is ", "CC: ", "pan="],
        [EntityTypes.IbanCode] = ["IBAN ", "IBAN: ", "transfer to ", "account ", "Kontonummer "],
        [EntityTypes.UsSsn] = ["my ssn is ", "SSN: ", "social security number ", "ssn#", "SS no "],
        [EntityTypes.IpAddress] = ["from ", "client ip ", "ip=", "connected from host ", "address "],
        [EntityTypes.MacAddress] = ["mac ", "device MAC: ", "hw addr ", "nic=", "station "],
    };

    /// <summary>The structured entity types this corpus labels (every built-in type but PERSON).</summary>
    public static IReadOnlyList<string> StructuredTypes { get; } = [.. EntityTypes.BuiltIn.Where(t => t != EntityTypes.Person)];

    public static IReadOnlyList<LabelledSentence> Build(int seed = Seed)
    {
        var faker = new Faker("en") { Random = new Randomizer(seed) };
        var pii = new SyntheticPii(faker);
        var corpus = new List<LabelledSentence>();

        foreach (var type in StructuredTypes)
        {
            for (int i = 0; i < PerType; i++)
            {
                corpus.Add(Embed(faker, type, Generate(pii, type, out bool needsContext), needsContext));
            }
        }

        // Sentences with several entities of different types.
        for (int i = 0; i < 100; i++)
        {
            corpus.Add(new SentenceBuilder()
                .Text($"{faker.Name.FullName()} (").Entity(EntityTypes.EmailAddress, pii.Email())
                .Text(", phone ").Entity(EntityTypes.PhoneNumber, pii.Phone())
                .Text(") logged in from ").Entity(EntityTypes.IpAddress, pii.Ip())
                .Text(" and paid with ").Entity(EntityTypes.CreditCard, pii.CreditCard())
                .Text(".").Build());
        }

        corpus.AddRange(HandWrittenCases.Labelled.Select(SentenceBuilder.Parse));
        corpus.AddRange(LookAlikes(faker, pii));
        corpus.AddRange(HandWrittenCases.LookAlikes.Select(t => new LabelledSentence(t, [], "hand-written")));
        return corpus;
    }

    private static string Generate(SyntheticPii pii, string type, out bool needsContext)
    {
        needsContext = false;
        switch (type)
        {
            case EntityTypes.EmailAddress:
                return pii.Email();
            case EntityTypes.PhoneNumber:
                return pii.Phone();
            case EntityTypes.CreditCard:
                return pii.CreditCard();
            case EntityTypes.IbanCode:
                return pii.Iban();
            case EntityTypes.UsSsn:
                var (value, contiguous) = pii.Ssn();
                needsContext = contiguous;
                return value;
            case EntityTypes.IpAddress:
                return pii.Ip();
            case EntityTypes.MacAddress:
                return pii.Mac();
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "no generator");
        }
    }

    private static LabelledSentence Embed(Faker faker, string type, string value, bool needsContext)
    {
        var (prefix, suffix) = faker.PickRandom(Surroundings);
        if (needsContext || faker.Random.Bool())
        {
            prefix += faker.PickRandom(Contexts[type]);
        }

        if (faker.Random.Int(0, 3) == 0)
        {
            prefix = $"{faker.Name.FirstName()} said: {prefix}";
        }

        return SentenceBuilder.Single(prefix, type, value, suffix);
    }

    private static IEnumerable<LabelledSentence> LookAlikes(Faker f, SyntheticPii pii)
    {
        string[] frames =
        [
            "Build {0} passed all checks.",
            "value={0}",
            "{0}",
            "The report lists {0} as the reference.",
            "[{0}]",
            "Ticket updated: {0}; no action needed.",
            "ref {0}, see attachment",
        ];

        var generators = new (string Category, Func<string> Make)[]
        {
            ("luhn-fail card", () => SyntheticPii.FormatCard(BreakLuhn(pii.CreditCard()), f.Random.Int(0, 2))),
            ("iban bad check", () => BreakIbanCheck(f, pii.Iban())),
            ("iban wrong length", () => WrongIbanLength(f, pii.Iban())),
            ("invalid ssn", () => InvalidSsn(f)),
            ("uuid", () => f.Random.Bool() ? f.Random.Uuid().ToString() : f.Random.Uuid().ToString("B").ToUpperInvariant()),
            ("hex digest", () => f.Random.Hash(f.PickRandom(32, 40, 64), f.Random.Int(0, 4) == 0)),
            ("sku", () => f.PickRandom(
                $"SKU-{f.Random.Int(1000, 9999)}-{f.Random.Int(1000, 9999)}-{f.Random.Int(10, 99)}",
                $"ART-{f.Random.Int(100000, 999999)}-{f.Random.Int(100, 999)}",
                $"PN {f.Random.Replace("??##-####-##")}")),
            ("price", () => f.PickRandom(
                "$" + f.Random.Int(1000, 99999).ToString("N0", CultureInfo.InvariantCulture) + "." + f.Random.Int(10, 99),
                $"EUR {f.Random.Int(1, 99)}.{f.Random.Int(100, 999)},{f.Random.Int(10, 99)}",
                $"£{f.Random.Int(1, 999)}.{f.Random.Int(10, 99)}",
                $"{f.Random.Int(1, 9)} {f.Random.Int(100, 999)},{f.Random.Int(10, 99)} €")),
            ("version", () => f.PickRandom(
                $"{f.Random.Int(0, 9)}.{f.Random.Int(0, 20)}.{f.Random.Int(0, 30)}",
                $"v{f.Random.Int(1, 20)}.{f.Random.Int(0, 20)}.{f.Random.Int(0, 30)}.{f.Random.Int(0, 99)}",
                $"version {f.Random.Int(1, 20)}.{f.Random.Int(0, 20)}.{f.Random.Int(0, 30)}.{f.Random.Int(0, 99)}",
                $"{f.Random.Int(1, 9)}.{f.Random.Int(0, 9)}.{f.Random.Int(0, 9)}.{f.Random.Int(0, 9)}.{f.Random.Int(0, 9)}")),
            ("date", () => Date(f)),
            ("time", () => f.PickRandom(
                $"{f.Random.Int(0, 23):00}:{f.Random.Int(0, 59):00}:{f.Random.Int(0, 59):00}",
                $"{f.Random.Int(0, 23):00}:{f.Random.Int(0, 59):00}:{f.Random.Int(0, 59):00}.{f.Random.Int(0, 999):000}",
                $"{f.Random.Int(0, 23):00}:{f.Random.Int(0, 59):00}")),
            ("order id", () => f.PickRandom(
                $"ORD-{f.Random.Int(2020, 2030)}-{f.Random.Int(0, 999999):000000}",
                $"#A-{f.Random.Int(100000, 999999)}",
                $"order {f.Random.Int(10000, 99999)}",
                $"invoice {f.Random.Int(100000000, 899999999)}")),
            ("short number", () => f.Random.Int(0, 999999).ToString(CultureInfo.InvariantCulture)),
            ("percentage", () => f.PickRandom($"{f.Random.Int(0, 100)}%", $"{f.Random.Double(0, 100):0.0}%", $"{f.Random.Double(0, 1):0.000} (p={f.Random.Double(0, 0.05):0.000})")),
            ("timestamp", () => f.PickRandom(
                f.Random.Long(1_500_000_000_000, 1_900_000_000_000).ToString(CultureInfo.InvariantCulture),
                f.Random.Long(1_500_000_000, 1_900_000_000).ToString(CultureInfo.InvariantCulture),
                $"{f.Random.Long(1_500_000_000, 1_900_000_000)}.{f.Random.Int(100, 999)}")),
        };

        foreach (var (category, make) in generators)
        {
            for (int i = 0; i < LookAlikesPerCategory; i++)
            {
                string frame = f.PickRandom(frames);
                yield return new LabelledSentence(frame.Replace("{0}", make(), StringComparison.Ordinal), [], category);
            }
        }
    }

    private static string BreakLuhn(string card)
    {
        string digits = new([.. card.Where(char.IsAsciiDigit)]);
        char last = digits[^1];
        string broken = digits[..^1] + (char)('0' + ((last - '0' + 1 + (digits.Length % 7)) % 10));
        return SyntheticPii.Luhn(broken) ? digits[..^1] + (char)('0' + ((last - '0' + 5) % 10)) : broken;
    }

    private static string BreakIbanCheck(Faker f, string iban)
    {
        while (true)
        {
            string check = f.Random.Int(0, 99).ToString("00", CultureInfo.InvariantCulture);
            string candidate = iban[..2] + check + iban[4..];
            if (!SyntheticPii.IbanIsValid(candidate))
            {
                return candidate;
            }
        }
    }

    private static string WrongIbanLength(Faker f, string iban)
    {
        string compact = iban.Replace(" ", "", StringComparison.Ordinal);
        return f.Random.Bool() ? compact[..^1] : compact + f.Random.Int(0, 9).ToString(CultureInfo.InvariantCulture);
    }

    private static string InvalidSsn(Faker f)
    {
        string area = f.Random.Int(1, 665).ToString("000", CultureInfo.InvariantCulture);
        string group = f.Random.Int(1, 99).ToString("00", CultureInfo.InvariantCulture);
        string serial = f.Random.Int(1, 9999).ToString("0000", CultureInfo.InvariantCulture);
        string value = f.Random.Int(0, 7) switch
        {
            0 => $"000-{group}-{serial}",
            1 => $"666-{group}-{serial}",
            2 => $"{f.Random.Int(900, 999)}-{group}-{serial}",
            3 => $"{area}-00-{serial}",
            4 => $"{area}-{group}-0000",
            5 => f.PickRandom("078-05-1120", "219-09-9999", "123-45-6789"),
            6 => $"{f.Random.Int(900, 999)} {group} {serial}",
            _ => $"{f.Random.Int(1, 9)}{f.Random.Int(1, 9)}{f.Random.Int(1, 9)}-{group}-{serial}-{f.Random.Int(1, 9)}",
        };
        return "ssn " + value;
    }

    private static string Date(Faker f)
    {
        var d = f.Date.Between(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2035, 12, 31, 0, 0, 0, DateTimeKind.Utc));
        string format = f.PickRandom("yyyy-MM-dd", "dd/MM/yyyy", "MM/dd/yyyy", "dd.MM.yyyy", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyyMMdd", "dd-MM-yyyy HH:mm");
        return d.ToString(format, CultureInfo.InvariantCulture);
    }
}
