using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using StreamPrivacy.Core.Events;
using StreamPrivacy.Core.Policy;
using StreamPrivacy.Core.Privacy;
using StreamPrivacy.Core.Redaction;
using StreamPrivacy.Core.Sanitization;
using StreamPrivacy.Core.Simulation;

namespace StreamPrivacy.Benchmarks.Micro;

/// <summary>The sanitize transform on realistic ~500-byte inference events: parse, sanitize, serialize.</summary>
[MemoryDiagnoser]
public class SanitizeBenchmarks
{
    private byte[][] _payloads = [];
    private EventSanitizer _sanitizer = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var generator = new SyntheticTrafficGenerator(new SyntheticTrafficOptions { MalformedRate = 0, FeatureEventRate = 0, ConsentRate = 1 }, TimeProvider.System);
        _payloads = [.. Enumerable.Range(0, 1024).Select(_ => generator.Next().Payload)];
        _sanitizer = new EventSanitizer(
            SanitizePolicy.Default,
            new RawEventValidator(new EventValidationOptions { MaxClockSkew = TimeSpan.FromDays(1) }, TimeProvider.System),
            new SubjectPseudonymizer(SecretKey.Generate("bench")));
    }

    [Benchmark(Description = "parse+sanitize+serialize one inference event")]
    public int SanitizeEvent()
    {
        var payload = _payloads[_next++ & 1023];
        var evt = JsonNode.Parse(payload)!.AsObject();
        var result = _sanitizer.Sanitize(evt, EventKind.Inference);
        return JsonSerializer.SerializeToUtf8Bytes(result.Event).Length;
    }
}
