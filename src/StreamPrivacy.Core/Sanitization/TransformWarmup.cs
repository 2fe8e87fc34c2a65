using System.Buffers;
using System.Diagnostics;
using StreamPrivacy.Core.Events;
using StreamPrivacy.Core.Leakage;
using StreamPrivacy.Core.Redaction;
using StreamPrivacy.Core.Simulation;

namespace StreamPrivacy.Core.Sanitization;

/// <summary>
/// Runs synthetic events through the sanitize transform and the leakage reader once at start-up, before
/// the stages start consuming, so that the JIT has compiled the hot paths before the first real record:
/// without it the first few hundred thousand records run partly as unoptimised code and pay for their
/// own compilation (measured in the end-to-end benchmark, README "Performance").
/// </summary>
/// <remarks>Only generated data passes through; every output is discarded and nothing is counted,
/// produced or observed by a leakage monitor.</remarks>
public static class TransformWarmup
{
    /// <summary>
    /// Sanitizes up to <paramref name="events"/> synthetic events (inference and feature events, some with
    /// PII, some malformed), stopping early at <paramref name="budget"/> or cancellation.
    /// </summary>
    /// <returns>The number of events run and the time taken.</returns>
    public static (int Events, TimeSpan Elapsed) Run(EventSanitizer sanitizer, CanarySet? canaries, int events, TimeSpan budget, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        if (events <= 0)
        {
            return (0, clock.Elapsed);
        }

        var generator = new SyntheticTrafficGenerator(new SyntheticTrafficOptions { Seed = 7 }, TimeProvider.System);
        var samples = Enumerable.Range(0, Math.Min(events, 256)).Select(_ => generator.Next()).ToArray();
        var buffer = new ArrayBufferWriter<byte>(4096);
        var counts = new RedactionCounts();
        var run = 0;
        while (run < events && clock.Elapsed < budget && !cancellationToken.IsCancellationRequested)
        {
            var sample = samples[run++ % samples.Length];
            buffer.ResetWrittenCount();
            counts.Clear();
            var result = sanitizer.Sanitize(sample.Payload, sample.Kind, buffer, counts);
            if (canaries is not null && result.Outcome == SanitizeOutcome.Emitted && sample.Kind == EventKind.Inference)
            {
                _ = LeakageSignalReader.Read(buffer.WrittenSpan, canaries);
            }
        }

        return (run, clock.Elapsed);
    }
}
