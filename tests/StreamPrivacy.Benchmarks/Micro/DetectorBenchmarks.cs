using BenchmarkDotNet.Attributes;
using StreamPrivacy.Core.Redaction.Detection;

namespace StreamPrivacy.Benchmarks.Micro;

/// <summary>
/// Each PII detector on a ~150-character sentence, clean and with one entity of its type
/// (the custom detectors get a sentence with one of their terms / pattern matches).
/// </summary>
[MemoryDiagnoser]
public class DetectorBenchmarks
{
    private const string Clean =
        "The recommendation model served 42 requests in 3.5 ms on average; accuracy held at 97% and the queue depth stayed below ten for the run.";

    private static readonly Dictionary<string, (Func<IPiiDetector> Create, string Entity)> Cases = new(StringComparer.Ordinal)
    {
        ["Email"] = (() => new EmailDetector(), "jane.doe@example.com"),
        ["Phone"] = (() => new PhoneNumberDetector(), "(415) 555-2671"),
        ["CreditCard"] = (() => new CreditCardDetector(), "4095-2609-9393-4932"),
        ["Iban"] = (() => new IbanDetector(), "GB82 WEST 1234 5698 7654 32"),
        ["UsSsn"] = (() => new UsSsnDetector(), "536-22-1234"),
        ["IpAddress"] = (() => new IpAddressDetector(), "192.168.0.1"),
        ["MacAddress"] = (() => new MacAddressDetector(), "00:1B:44:11:3A:B7"),
        ["Regex"] = (() => new RegexDetector("EMPLOYEE_ID", @"\bEMP-\d{6}\b"), "EMP-123456"),
        ["Dictionary"] = (() => new DictionaryDetector("PROJECT", ["Falcon", "Blue Harbor", "Nightjar", "Red Kite"]), "Blue Harbor"),
        ["Person"] = (() => new StreamPrivacy.Core.Redaction.Detection.Person.PersonDetector(), "Maria Garcia"),
    };

    private readonly List<PiiMatch> _results = new(8);
    private IPiiDetector _detector = null!;
    private string _text = "";

    /// <summary>Detector under test.</summary>
    [ParamsSource(nameof(DetectorNames))]
    public string Detector { get; set; } = "";

    /// <summary>Whether the sentence contains one entity of the detector's type.</summary>
    [Params(false, true)]
    public bool WithEntity { get; set; }

    /// <summary>All benchmarked detectors.</summary>
    public static IEnumerable<string> DetectorNames => Cases.Keys;

    [GlobalSetup]
    public void Setup()
    {
        var (create, entity) = Cases[Detector];
        _detector = create();
        _text = WithEntity
            ? $"The recommendation model served 42 requests for {entity} in 3.5 ms on average; accuracy held at 97% and the queue stayed short."
            : Clean;
        _results.Clear();
        _detector.Detect(_text, _results);
        if (_results.Count != (WithEntity ? 1 : 0))
        {
            throw new InvalidOperationException($"{Detector}: expected {(WithEntity ? 1 : 0)} match, got {_results.Count}");
        }
    }

    [Benchmark]
    public int Detect()
    {
        _results.Clear();
        _detector.Detect(_text, _results);
        return _results.Count;
    }
}
