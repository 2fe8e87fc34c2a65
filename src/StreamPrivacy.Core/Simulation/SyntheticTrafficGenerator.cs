using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bogus;
using Bogus.Extensions.UnitedStates;
using StreamPrivacy.Core.Events;

namespace StreamPrivacy.Core.Simulation;

/// <summary>
/// Realistic raw ML traffic for the demo and benchmarks: two models, feature events, subjects with
/// and without consent, PII planted in free text and attributes, optional drift and a trickle of
/// malformed records. Deterministic for a seed. Not thread-safe.
/// </summary>
public sealed class SyntheticTrafficGenerator
{
    private static readonly string[] Countries = ["DE", "FR", "GB", "US", "IN", "ES", "IT", "NL"];
    private static readonly string[] DriftedCountries = ["US", "US", "IN", "IN", "BR", "BR", "DE", "MX"];
    private static readonly (string Name, string Version)[] Models = [("credit-risk", "3.2.0"), ("churn", "1.4.1")];
    // {0}: a structured PII value (or "the portal"), {1}: a person's name.
    private static readonly string[] Prompts =
    [
        "Please review my application, reach me at {0}.",
        "Customer asked about card limits; callback number {0}.",
        "Why was I declined? My card is {0}.",
        "Update payout account to {0} please.",
        "Contact me on {0} about the offer.",
        "Hi, my name is {1}. Please review my application, reach me at {0}.",
        "This is {1} again: why was I declined? My card is {0}.",
        "Summarise the risk factors for this applicant.",
        "Explain the score in plain words.",
    ];

    private readonly SyntheticTrafficOptions _options;
    private readonly TimeProvider _time;
    private readonly Faker _faker;
    private readonly string[] _subjects;
    private long _index;
    private int _canaryPlanted;

    /// <summary>Creates a generator.</summary>
    public SyntheticTrafficGenerator(SyntheticTrafficOptions options, TimeProvider time)
    {
        options.Validate();
        _options = options;
        _time = time;
        _faker = new Faker("en") { Random = new Randomizer(options.Seed) };
        _subjects = Enumerable.Range(0, options.Subjects).Select(i => $"customer-{1000 + i}").ToArray();
    }

    /// <summary>Generates the next record.</summary>
    public SyntheticRecord Next()
    {
        var index = _index++;
        var random = _faker.Random;
        var subject = random.ArrayElement(_subjects);
        var kind = random.Double() < _options.FeatureEventRate ? EventKind.Features : EventKind.Inference;
        if (random.Double() < _options.MalformedRate)
        {
            return new SyntheticRecord(kind, subject, Malformed(subject), IsMalformed: true);
        }

        var drifted = _options.DriftFromEvent is { } from && index >= from;
        var evt = kind == EventKind.Inference ? Inference(subject, drifted) : Features(subject, drifted);
        return new SyntheticRecord(kind, subject, JsonSerializer.SerializeToUtf8Bytes(evt), IsMalformed: false);
    }

    private JsonObject Inference(string subject, bool drifted)
    {
        var random = _faker.Random;
        var model = random.ArrayElement(Models);
        var features = FeatureValues(drifted);
        var score = Math.Round(Math.Clamp(random.Double(0, 1) + (drifted ? 0.15 : 0), 0, 1), 4);
        var withPii = random.Double() < _options.PiiRate;
        var prompt = string.Format(CultureInfo.InvariantCulture, random.ArrayElement(Prompts), withPii ? Pii() : "the portal", _faker.Name.FullName());
        var response = withPii && random.Bool(0.3f)
            ? random.Bool()
                ? $"Thanks {_faker.Name.FirstName()}, we will email {_faker.Internet.Email()} shortly."
                : $"Dear {_faker.Name.FullName()}, your case was reviewed by Dr. {_faker.Name.LastName()}."
            : "The application meets the policy thresholds.";
        if (_options.Canary is { } canary && _canaryPlanted < 3 && _index > _options.CanaryAtEvent)
        {
            // A memorised training string surfacing in an output (three times, so one has consent).
            response = $"Reference code {canary} applies to this case.";
            _canaryPlanted++;
        }
        return new JsonObject
        {
            ["event_id"] = _faker.Random.Uuid().ToString(),
            ["event_time"] = EventTime(),
            ["model"] = new JsonObject { ["name"] = model.Name, ["version"] = model.Version },
            ["subject_id"] = subject,
            ["consent"] = Consent(),
            ["features"] = features,
            ["prediction"] = new JsonObject { ["label"] = score >= 0.5 ? "approve" : "decline", ["score"] = score },
            ["label"] = random.Bool(0.1f) ? (random.Bool() ? "approve" : "decline") : null,
            ["text"] = new JsonObject { ["prompt"] = prompt, ["response"] = response },
            ["attributes"] = new JsonObject { ["client_ip"] = _faker.Internet.Ip(), ["contact"] = _faker.Phone.PhoneNumber("+1 ###-###-####") },
        };
    }

    private JsonObject Features(string subject, bool drifted) => new()
    {
        ["event_id"] = _faker.Random.Uuid().ToString(),
        ["event_time"] = EventTime(),
        ["feature_set"] = "customer-profile",
        ["source"] = "feature-pipeline",
        ["subject_id"] = subject,
        ["consent"] = Consent(),
        ["features"] = FeatureValues(drifted),
        ["attributes"] = new JsonObject { ["client_ip"] = _faker.Internet.Ipv6() },
    };

    private JsonObject FeatureValues(bool drifted)
    {
        var random = _faker.Random;
        var age = Math.Clamp((int)Math.Round(Normal(drifted ? 31 : 41, 12)), 18, 95);
        var income = Math.Round(Math.Exp(Normal(drifted ? 10.55 : 10.85, 0.5)), 2);
        return new JsonObject
        {
            ["age"] = age,
            ["income"] = income,
            ["country"] = random.ArrayElement(drifted ? DriftedCountries : Countries),
            ["tenure_months"] = random.Int(0, 240),
            ["has_mortgage"] = random.Bool(0.35f),
        };
    }

    private JsonArray Consent()
    {
        var random = _faker.Random;
        return random.Double() < _options.ConsentRate
            ? new JsonArray("monitoring", random.Bool() ? "analytics" : "support")
            : new JsonArray(random.Bool() ? "support" : "marketing");
    }

    private string EventTime() =>
        _time.GetUtcNow().AddMilliseconds(-_faker.Random.Int(0, 2_000)).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private string Pii() => _faker.Random.Int(0, 4) switch
    {
        0 => _faker.Internet.Email(),
        1 => _faker.Phone.PhoneNumber(_faker.Random.ArrayElement(["+44 20 #### ####", "+49 30 #######", "(###) ###-####", "+33 1 ## ## ## ##"])),
        2 => _faker.Finance.CreditCardNumber(),
        3 => _faker.Finance.Iban(),
        _ => _faker.Person.Ssn(),
    };

    private double Normal(double mean, double sd)
    {
        // Box–Muller on the seeded generator; synthetic data only.
        var u1 = 1.0 - _faker.Random.Double();
        var u2 = _faker.Random.Double();
        return mean + (sd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
    }

    private byte[] Malformed(string subject)
    {
        var future = _time.GetUtcNow().AddDays(2).ToString("O", CultureInfo.InvariantCulture);
        return _faker.Random.Int(0, 4) switch
        {
            0 => Encoding.UTF8.GetBytes("{\"event_id\": \"truncated"),
            1 => [0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D], // {"<invalid UTF-8>":1}
            2 => Encoding.UTF8.GetBytes($"{{\"event_id\":\"x\",\"event_time\":\"{future}\",\"model\":{{\"name\":\"churn\",\"version\":\"1\"}},\"subject_id\":\"{subject}\",\"consent\":[\"monitoring\"]}}"),
            3 => Encoding.UTF8.GetBytes($"{{\"event_id\":42,\"event_time\":\"2026-01-01T00:00:00Z\",\"subject_id\":\"{subject}\"}}"),
            _ => [0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 0x02],
        };
    }
}
