using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using StreamPrivacy.Core.Audit;
using StreamPrivacy.Core.Drift;
using StreamPrivacy.Core.Drift.Release;
using StreamPrivacy.Core.Privacy;
using StreamPrivacy.Core.Windowing;
using StreamPrivacy.Kafka.Configuration;
using StreamPrivacy.Kafka.Runtime;
using StreamPrivacy.Kafka.Stages.Audit;
using StreamPrivacy.Kafka.Stages.Drift;

namespace StreamPrivacy.Kafka.Stages;

/// <summary>
/// Stage 3 (DESIGN §2): partials → ledger, metrics, drift and leakage alerts. Per partials partition
/// it merges partials per stream and window and tracks the watermark every source partition
/// announced there; when all have passed a window it charges the stream's budget, draws noise from
/// HMAC(noise key, release id), computes drift against the reference, records the release in the
/// ledger, waits for the ledger write to be acknowledged, and only then emits metrics and alerts.
/// </summary>
/// <remarks>
/// A release is a fact (DESIGN §3): a window whose release id is already in the ledger (a replay
/// after a restart, or partials re-sent by a profile instance) is re-emitted from the ledger record,
/// byte for byte, without charging or drawing noise. The ledger is read back on every assignment,
/// which also restores budgets and alert hysteresis. A window refused by the budget is not released
/// and raises one leakage alert per stream and period. With an audit writer, every release and every
/// budget refusal also appends one small audit entry (ids and ε/ρ only), produced with the ledger
/// record before the flush, so it is acknowledged before anything is emitted.
/// </remarks>
public sealed class ReleaseProcessor : IStatefulProcessor
{
    /// <summary>The stage name.</summary>
    public const string StageName = "release";

    private readonly TopicOptions _topics;
    private readonly DriftOptions _drift;
    private readonly IReadOnlyDictionary<string, ReferenceProfile> _references;
    private readonly string _policyVersion;
    private readonly Func<IReadOnlyList<SnapshotRecord>> _readLedger;
    private readonly StageCounters _counters;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SecretKey? _noiseKey;

    // Replaced (not mutated) when a transaction aborts: Budgets reads the accountant from other threads.
    private PrivacyAccountant _accountant;
    private WindowReleaser _releaser;
    private readonly Dictionary<int, PartialMerger> _mergers = [];
    private readonly Dictionary<string, ReleaseRecord> _released = new(StringComparer.Ordinal);
    private readonly string[] _sourceTopics;
    private readonly Dictionary<int, Dictionary<string, StreamId>> _streamsByPartition = [];
    private readonly Dictionary<string, DateTimeOffset> _lastReleasedEnd = new(StringComparer.Ordinal);
    private int _releaseCount;
    private DateTimeOffset _lastPrune;
    private int _pendingWindows;

    /// <summary>Creates the processor. <paramref name="readLedger"/> returns the ledger topic's records.</summary>
    public ReleaseProcessor(
        TopicOptions topics,
        DriftOptions drift,
        IReadOnlyDictionary<string, ReferenceProfile> references,
        string policyVersion,
        SecretKey? noiseKey,
        Func<IReadOnlyList<SnapshotRecord>> readLedger,
        StageCounters counters,
        TimeProvider time,
        ILogger logger)
    {
        _topics = topics;
        _drift = drift;
        _references = references;
        _policyVersion = policyVersion;
        _readLedger = readLedger;
        _counters = counters;
        _time = time;
        _logger = logger;
        _noiseKey = noiseKey;
        (_accountant, _releaser) = CreateReleaser();
        _sourceTopics = [topics.InferenceSanitized, topics.FeaturesSanitized];
        InputTopics = [topics.Partials];
    }

    /// <inheritdoc />
    public string Name => StageName;

    /// <summary>Builds the lineage RUNNING event of a new release (key, value), produced with the release's outputs; null: none.</summary>
    public Func<StreamPrivacy.Core.Lineage.PrivacyBudgetFacet, (byte[] Key, byte[] Value)>? LineageRunning { get; set; }

    /// <inheritdoc />
    public IReadOnlyList<string> InputTopics { get; }

    /// <summary>The audit chain writer of this instance, or null for no audit log.</summary>
    internal AuditWriter? Audit { get; init; }

    /// <summary>Releases recorded or made so far (readable from any thread).</summary>
    public int ReleaseCount => Volatile.Read(ref _releaseCount);

    /// <summary>Windows waiting for their sources, as of the last tick (readable from any thread).</summary>
    public int PendingWindows => Volatile.Read(ref _pendingWindows);

    /// <summary>Budget spend per stream and period (a snapshot; thread-safe).</summary>
    public IReadOnlyList<BudgetLedgerRecord> Budgets => _accountant.Export();

    /// <summary>The budget per stream and period that <see cref="Budgets"/> are spent from.</summary>
    public PrivacyBudgetOptions BudgetOptions => _accountant.Options;

    /// <inheritdoc />
    public void Process(ConsumeResult<byte[]?, byte[]?> record, IStageOutput output)
    {
        if (record.Message.Value is not { Length: > 0 } value)
        {
            _counters.OnRejected("malformed_partial");
            return;
        }

        (PartialWindow? Partial, (string Topic, int Partition, DateTimeOffset Watermark)? Watermark) message;
        try
        {
            message = PartialsMessage.Decode(value);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            _counters.OnRejected("malformed_partial");
            return;
        }

        var merger = Merger(record.Partition.Value);
        if (message.Watermark is { } wm)
        {
            merger.ObserveWatermark(wm.Topic, wm.Partition, wm.Watermark);
        }
        else if (message.Partial is { } partial)
        {
            Streams(record.Partition.Value).TryAdd(partial.Stream.Key, partial.Stream);
            switch (merger.Add(partial, record.Offset.Value))
            {
                case PartialMergeResult.Duplicate:
                    _counters.OnDropped("duplicate_partial");
                    break;
                case PartialMergeResult.ReferenceMismatch:
                    _counters.OnDropped("reference_mismatch");
                    break;
            }
        }

        ReleaseReady(record.Partition.Value, merger, output);
    }

    /// <inheritdoc />
    public void OnAssigned(IReadOnlyList<TopicPartition> partitions)
    {
        var records = _readLedger();
        var budgets = new List<BudgetLedgerRecord>();
        var restored = new List<ReleaseRecord>();
        foreach (var (key, value, _, _) in records)
        {
            if (key is not null && key.AsSpan().StartsWith("audit|"u8))
            {
                continue;
            }

            try
            {
                var (release, budget) = LedgerMessage.Decode(value);
                if (release is not null && _released.TryAdd(release.ReleaseId, release))
                {
                    restored.Add(release);
                }

                if (budget is not null)
                {
                    budgets.Add(budget);
                }
            }
            catch (JsonException)
            {
                _counters.OnRejected("malformed_ledger_record");
            }
        }

        _accountant.Import(budgets);
        Audit?.Resume(records);
        foreach (var release in restored.OrderBy(r => r.Window.End).ThenBy(r => r.Stream.Key, StringComparer.Ordinal))
        {
            _releaser.Restore(release);
            NoteReleased(release.Stream, release.Window);
        }

        PruneReleased();
        _logger.LogInformation("release: ledger read, {Releases} releases and {Budgets} budget records restored", restored.Count, budgets.Count);
    }

    /// <inheritdoc />
    public void OnRevoked(IReadOnlyList<TopicPartition> partitions)
    {
        foreach (var p in partitions)
        {
            _mergers.Remove(p.Partition.Value);
            _streamsByPartition.Remove(p.Partition.Value);
        }
    }

    /// <summary>
    /// The transaction with this stage's latest outputs was aborted: its ledger records, budget charges
    /// and audit entries never became visible. Everything derived from the ledger or charged since is
    /// dropped (releases, budgets, alert hysteresis, windows being merged), so the runner's following
    /// <see cref="OnAssigned"/> rebuilds it from the committed ledger alone and the rewound partials
    /// release those windows again: recorded in the ledger this time, with the same noise (derived
    /// from the release id), charged once.
    /// </summary>
    public void OnAborted()
    {
        _released.Clear();
        _lastReleasedEnd.Clear();
        _mergers.Clear();
        _streamsByPartition.Clear();
        (_accountant, _releaser) = CreateReleaser();
        Volatile.Write(ref _releaseCount, 0);
    }

    /// <inheritdoc />
    public void Tick(IStageOutput output)
    {
        foreach (var (partition, merger) in _mergers)
        {
            ReleaseReady(partition, merger, output);
        }

        if (_time.GetUtcNow() - _lastPrune >= PruneInterval)
        {
            PruneReleased();
        }

        Volatile.Write(ref _pendingWindows, _mergers.Values.Sum(m => m.PendingCount));
        Volatile.Write(ref _releaseCount, _released.Count);
    }

    // Release records are kept to re-emit them byte for byte when a window's partials come again. A
    // window in a budget period the accountant no longer retains cannot be released again at all (it
    // is refused as budget_period_closed, never given fresh noise), so its record is dropped from
    // memory (it stays in the ledger topic): memory is bounded by the releases of the retained
    // periods (default: today and yesterday) instead of growing with uptime.
    private void PruneReleased()
    {
        _lastPrune = _time.GetUtcNow();
        var from = _accountant.RetainedFrom;
        foreach (var id in _released.Where(kv => kv.Value.Window.Start < from).Select(kv => kv.Key).ToList())
        {
            _released.Remove(id);
        }
    }

    /// <inheritdoc />
    public Offset SafeOffset(TopicPartition partition, Offset processed) =>
        _mergers.TryGetValue(partition.Partition.Value, out var merger) && merger.LowestPendingOffset is { } low && low < processed.Value
            ? new Offset(low)
            : processed;

    private static readonly TimeSpan PruneInterval = TimeSpan.FromMinutes(1);

    private (PrivacyAccountant, WindowReleaser) CreateReleaser()
    {
        var accountant = new PrivacyAccountant(_drift.ToBudget(), _time);
        return (accountant, new WindowReleaser(_drift.ToReleaseSettings(), accountant, _noiseKey, new DriftAlertTracker(_drift.RaiseAfter, _drift.ResolveAfter), _time));
    }

    private PartialMerger Merger(int partition)
    {
        if (!_mergers.TryGetValue(partition, out var merger))
        {
            merger = new PartialMerger();
            _mergers[partition] = merger;
        }

        return merger;
    }

    private Dictionary<string, StreamId> Streams(int partition)
    {
        if (!_streamsByPartition.TryGetValue(partition, out var streams))
        {
            streams = new Dictionary<string, StreamId>(StringComparer.Ordinal);
            _streamsByPartition[partition] = streams;
        }

        return streams;
    }

    private void ReleaseReady(int partition, PartialMerger merger, IStageOutput output)
    {
        var sources = _sourceTopics.ToDictionary(t => t, output.PartitionCount, StringComparer.Ordinal);
        if (merger.CombinedWatermark(sources) is not { } watermark)
        {
            return;
        }

        foreach (var pending in merger.TakeReady(sources, _drift.Grace))
        {
            ReleaseEmptyWindows(pending.Stream, pending.Window.Start, output);
            Release(pending, output);
        }

        // Streams whose windows passed without events: release them too (see DriftOptions.MaxEmptyWindows).
        if (_streamsByPartition.TryGetValue(partition, out var streams))
        {
            foreach (var stream in streams.Values.ToList())
            {
                ReleaseEmptyWindows(stream, watermark - _drift.Grace, output);
            }
        }
    }

    // Releases the empty tumbling windows of a stream between its last release and `upTo` (a window
    // ends at or before it), unless the gap is longer than the configured run (the stream is dormant).
    private void ReleaseEmptyWindows(StreamId stream, DateTimeOffset upTo, IStageOutput output)
    {
        if (_drift.Hop is not null || _drift.MaxEmptyWindows == 0
            || !_lastReleasedEnd.TryGetValue(stream.Key, out var last)
            || !_references.TryGetValue(stream.Model, out var reference))
        {
            return;
        }

        var size = _drift.Window;
        var gap = (upTo - last).Ticks / size.Ticks;
        if (gap <= 0)
        {
            return;
        }

        if (gap > _drift.MaxEmptyWindows)
        {
            // Dormant: releases resume with the stream's next window with events.
            _lastReleasedEnd.Remove(stream.Key);
            return;
        }

        for (var start = last; start + size <= upTo; start += size)
        {
            Release(new PendingWindow(stream, new Window(start, start + size), reference.ContentHash), output);
        }
    }

    private void NoteReleased(StreamId stream, Window window)
    {
        if (!_lastReleasedEnd.TryGetValue(stream.Key, out var last) || window.End > last)
        {
            _lastReleasedEnd[stream.Key] = window.End;
        }
    }

    private void Release(PendingWindow pending, IStageOutput output)
    {
        var releaseId = ReleaseRecord.IdOf(pending.Stream, pending.Window, _policyVersion);
        if (_released.TryGetValue(releaseId, out var recorded))
        {
            // Replay: the recorded release, never fresh noise.
            _counters.OnDropped("replayed_release");
            NoteReleased(recorded.Stream, recorded.Window);
            Emit(recorded, output);
            return;
        }

        if (!_references.TryGetValue(pending.Stream.Model, out var reference)
            || !string.Equals(reference.ContentHash, pending.ReferenceHash, StringComparison.Ordinal))
        {
            _counters.OnDropped("reference_mismatch");
            NoteReleased(pending.Stream, pending.Window);
            _logger.LogWarning("release: window {Window} of {Stream} was profiled with another reference profile; not released", pending.Window.Id, pending.Stream.Key);
            return;
        }

        var before = _accountant.Get(pending.Stream.Key, pending.Window.Start);
        var outcome = _releaser.Release(pending, reference, _policyVersion);
        var now = _time.GetUtcNow();
        var budget = _accountant.Export().FirstOrDefault(b => b.Stream == pending.Stream.Key && b.PeriodStart == outcome.Budget.PeriodStart);
        if (outcome.Record is null && outcome.Budget.PeriodClosed)
        {
            // A window older than the retained budget periods: its period's spend is unknown, so it
            // cannot be charged safely (e.g. a backfill far in the past).
            _counters.OnDropped("budget_period_closed");
            NoteReleased(pending.Stream, pending.Window);
            Audit?.Append(output, AuditEntryKind.BudgetCharge, Refusal(releaseId, pending.Stream, outcome.Budget.PeriodStart, null, "period_closed"));
            return;
        }

        if (outcome.Record is not { } release)
        {
            _counters.OnDropped("budget_exhausted");
            NoteReleased(pending.Stream, pending.Window);
            Audit?.Append(output, AuditEntryKind.BudgetCharge, Refusal(releaseId, pending.Stream, outcome.Budget.PeriodStart, budget, "refused"));
            if (budget is not null)
            {
                output.Produce(_topics.Ledger, LedgerMessage.BudgetKey(budget), LedgerMessage.EncodeBudget(budget, now));
            }

            if (outcome.StoppedNow)
            {
                var (key, value) = AlertMessage.EncodeBudget(pending.Stream, pending.Window, outcome.Budget, exhausted: true, now);
                output.Produce(_topics.LeakageAlerts, key, value);
                _logger.LogWarning("release: privacy budget of {Stream} exhausted for the period starting {Period}; releases stop", pending.Stream.Key, outcome.Budget.PeriodStart);
            }

            return;
        }

        // The ledger first: once it is acknowledged the release exists and any replay re-emits it.
        output.Produce(_topics.Ledger, LedgerMessage.ReleaseKey(release.ReleaseId), LedgerMessage.EncodeRelease(release));
        if (budget is not null)
        {
            output.Produce(_topics.Ledger, LedgerMessage.BudgetKey(budget), LedgerMessage.EncodeBudget(budget, now));
        }

        Audit?.Append(output, AuditEntryKind.Release, new AuditSubject
        {
            ReleaseId = release.ReleaseId,
            Stream = release.Stream.Key,
            PeriodStart = JsonFields.Time(outcome.Budget.PeriodStart),
            PolicyVersion = release.PolicyVersion,
            Epsilon = release.Charge.Epsilon.ToString(),
            Rho = release.Charge.Rho.ToString(),
            Outcome = "charged",
        });
        output.Flush();
        _released[release.ReleaseId] = release;
        NoteReleased(release.Stream, release.Window);
        _counters.OnReleased(release.Stream.Key);
        if (LineageRunning is { } running)
        {
            var mechanism = release.Features.Count > 0 ? release.Features[0].Noise?.Mechanism ?? "none" : "none";
            var (lineageKey, lineageValue) = running(new StreamPrivacy.Core.Lineage.PrivacyBudgetFacet(
                mechanism,
                release.Charge.Epsilon.IsZero ? null : release.Charge.Epsilon.ToDouble(),
                release.Charge.Rho.IsZero ? null : release.Charge.Rho.ToDouble(),
                release.Charge.Rho.IsZero ? null : _drift.ToBudget().Delta,
                release.ReleaseId,
                release.Stream.Key));
            output.Produce(_topics.Lineage, lineageKey, lineageValue);
        }
        Emit(release, output);
        if (!before.NearExhausted && outcome.Budget.NearExhausted)
        {
            var (key, value) = AlertMessage.EncodeBudget(pending.Stream, pending.Window, outcome.Budget, exhausted: false, now);
            output.Produce(_topics.LeakageAlerts, key, value);
        }
    }

    private AuditSubject Refusal(string releaseId, StreamId stream, DateTimeOffset periodStart, BudgetLedgerRecord? budget, string outcome) => new()
    {
        ReleaseId = releaseId,
        Stream = stream.Key,
        PeriodStart = JsonFields.Time(periodStart),
        PolicyVersion = _policyVersion,
        Epsilon = budget?.EpsilonSpent,
        Rho = budget?.RhoSpent,
        Outcome = outcome,
    };

    private void Emit(ReleaseRecord release, IStageOutput output)
    {
        var key = Encoding.UTF8.GetBytes(release.Stream.Key);
        foreach (var metric in MetricsMessage.Encode(release))
        {
            output.Produce(_topics.Metrics, key, metric);
        }

        foreach (var (alertKey, alert) in AlertMessage.EncodeDrift(release))
        {
            output.Produce(_topics.DriftAlerts, alertKey, alert);
        }
    }
}
