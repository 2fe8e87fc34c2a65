using System.Collections.Concurrent;
using StreamPrivacy.Kafka.Telemetry;

namespace StreamPrivacy.Kafka.Runtime;

/// <summary>
/// Live counts of one stage instance, for the console summary and tests; every increment is also
/// recorded on the shared <see cref="StreamPrivacyTelemetry.Meter"/>. Thread-safe.
/// </summary>
public sealed class StageCounters
{
    private readonly KeyValuePair<string, object?> _stageTag;
    private readonly ConcurrentDictionary<string, long> _rejected = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _produced = new(StringComparer.Ordinal);
    private long _consumed;
    private long _dropped;
    private long _commits;
    private long _aborts;
    private long _withheld;
    private readonly ConcurrentDictionary<string, long> _redactions = new(StringComparer.Ordinal);

    private readonly TimeProvider _time;

    /// <summary>Creates counters for <paramref name="stage"/>; <paramref name="time"/> (default: system clock) dates record latencies.</summary>
    public StageCounters(string stage, TimeProvider? time = null)
    {
        Stage = stage;
        _stageTag = new("stage", stage);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The stage name.</summary>
    public string Stage { get; }

    /// <summary>Records consumed.</summary>
    public long Consumed => Interlocked.Read(ref _consumed);

    /// <summary>Records dropped by policy.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Offset commits.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Transactions aborted (exactly-once only): their outputs were discarded and their input re-processed.</summary>
    public long Aborts => Interlocked.Read(ref _aborts);

    /// <summary>Records withheld by post-redaction verification.</summary>
    public long Withheld => Interlocked.Read(ref _withheld);

    /// <summary>Redactions by entity type (field rules under <c>FIELD_RULE</c>).</summary>
    public IReadOnlyDictionary<string, long> RedactionsByEntity => new Dictionary<string, long>(_redactions, StringComparer.Ordinal);

    /// <summary>Records produced, all topics.</summary>
    public long Produced => _produced.Values.Sum();

    /// <summary>Records rejected, all reasons.</summary>
    public long Rejected => _rejected.Values.Sum();

    /// <summary>Rejections by reason code.</summary>
    public IReadOnlyDictionary<string, long> RejectedByReason => new Dictionary<string, long>(_rejected, StringComparer.Ordinal);

    /// <summary>Produced records by topic.</summary>
    public IReadOnlyDictionary<string, long> ProducedByTopic => new Dictionary<string, long>(_produced, StringComparer.Ordinal);

    internal void OnConsumed()
    {
        Interlocked.Increment(ref _consumed);
        StreamPrivacyTelemetry.RecordsConsumed.Add(1, _stageTag);
    }

    /// <summary>Records the latency histograms for a record whose processing started at <paramref name="startTicks"/> (<see cref="System.Diagnostics.Stopwatch"/> ticks).</summary>
    internal void OnProcessed(Confluent.Kafka.Timestamp timestamp, long startTicks)
    {
        if (StreamPrivacyTelemetry.RecordProcessingDuration.Enabled)
        {
            StreamPrivacyTelemetry.RecordProcessingDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(startTicks).TotalMilliseconds, _stageTag);
        }

        if (timestamp.Type != Confluent.Kafka.TimestampType.NotAvailable && StreamPrivacyTelemetry.RecordLatency.Enabled)
        {
            // Producer clocks may run ahead of ours: a negative age is clamped, not reported.
            var age = _time.GetUtcNow().ToUnixTimeMilliseconds() - timestamp.UnixTimestampMs;
            StreamPrivacyTelemetry.RecordLatency.Record(Math.Max(0, age), _stageTag);
        }
    }

    internal void OnProduced(string topic)
    {
        _produced.AddOrUpdate(topic, 1, static (_, n) => n + 1);
        StreamPrivacyTelemetry.RecordsProduced.Add(1, _stageTag, new("topic", topic));
    }

    internal void OnDropped(string reason)
    {
        Interlocked.Increment(ref _dropped);
        StreamPrivacyTelemetry.RecordsDropped.Add(1, _stageTag, new("reason", reason));
    }

    internal void OnRejected(string reason)
    {
        _rejected.AddOrUpdate(reason, 1, static (_, n) => n + 1);
        StreamPrivacyTelemetry.RecordsRejected.Add(1, _stageTag, new("reason", reason));
    }

    internal void OnWithheld()
    {
        Interlocked.Increment(ref _withheld);
        StreamPrivacyTelemetry.RecordsWithheld.Add(1, _stageTag);
    }

    internal void OnRedacted(Core.Redaction.RedactionCounts counts)
    {
        foreach (var (entity, count) in counts.ByEntity)
        {
            _redactions.AddOrUpdate(entity, count, (_, n) => n + count);
            StreamPrivacyTelemetry.Redactions.Add(count, _stageTag, new("entity_type", entity));
        }

        if (counts.FieldsRemoved > 0)
        {
            StreamPrivacyTelemetry.FieldsMinimized.Add(counts.FieldsRemoved, _stageTag);
        }
    }

    internal void OnReleased(string stream) => StreamPrivacyTelemetry.WindowsReleased.Add(1, _stageTag, new("stream", stream));

    internal void OnCommitted()
    {
        Interlocked.Increment(ref _commits);
        StreamPrivacyTelemetry.Commits.Add(1, _stageTag);
    }

    internal void OnAborted()
    {
        Interlocked.Increment(ref _aborts);
        StreamPrivacyTelemetry.TransactionsAborted.Add(1, _stageTag);
    }
}
