using System.Buffers;
using BenchmarkDotNet.Attributes;
using StreamPrivacy.Core.Events;
using StreamPrivacy.Core.Policy;
using StreamPrivacy.Core.Privacy;
using StreamPrivacy.Core.Redaction;
using StreamPrivacy.Core.Sanitization;
using StreamPrivacy.Core.Simulation;

namespace StreamPrivacy.Benchmarks.Micro;

/// <summary>
/// Whole-event sanitization and redaction on realistic ~560-byte inference events with three
/// free-text fields (a third with PII planted): the streaming engine alone, and the full sanitize
/// transform (inspection, consent, engine, post-redaction verification).
/// </summary>
[MemoryDiagnoser]
public class SanitizeBenchmarks
{
    private byte[][] _payloads = [];
    private EventSanitizer _sanitizer = null!;
    private RedactionEngine _engine = null!;
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly RedactionCounts _counts = new();
    private const int PoolSize = 1 << 15;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var generator = new SyntheticTrafficGenerator(new SyntheticTrafficOptions { MalformedRate = 0, FeatureEventRate = 0, ConsentRate = 1 }, TimeProvider.System);
        // Many distinct events, so memoised clean strings cannot stand in for scanning unique text.
        _payloads = [.. Enumerable.Range(0, PoolSize).Select(_ => generator.Next().Payload)];
        var factory = new SanitizerFactory(PolicyLoader.Default, new KeyRing(null, null, null, _ => { }), TimeProvider.System);
        _sanitizer = factory.CreateEventSanitizer(new EventValidationOptions { MaxClockSkew = TimeSpan.FromDays(1) }, 32);
        _engine = factory.CreateEngine(annotate: true, maxDepth: 33);
    }

    [Benchmark(Description = "redaction engine, one event")]
    public int RedactEvent()
    {
        _buffer.ResetWrittenCount();
        _counts.Clear();
        return _engine.Redact(_payloads[_next++ & (PoolSize - 1)], _buffer, _counts).Redactions;
    }

    [Benchmark(Description = "full sanitize transform + verification, one event")]
    public int SanitizeEvent()
    {
        _buffer.ResetWrittenCount();
        _counts.Clear();
        return (int)_sanitizer.Sanitize(_payloads[_next++ & (PoolSize - 1)], EventKind.Inference, _buffer, _counts).Outcome;
    }
}
