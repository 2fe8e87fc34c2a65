using System.Text.Json;
using StreamPrivacy.Core.Leakage;
using StreamPrivacy.Kafka.Runtime;
using StreamPrivacy.Kafka.Stages.Drift;

namespace StreamPrivacy.Kafka.Stages;

/// <summary>
/// The sanitize stage's leakage checks on model outputs (DESIGN §2, stage 1; <c>ml.alerts.leakage</c>):
/// every sanitized inference event is read once more, in memory, for PII redacted from model outputs
/// (recorded by the sanitize transform in <c>sanitization.output_redactions</c>), registered canaries in
/// outputs and the client's query (rate and SimHash near-duplicate share: probing); records withheld by
/// post-redaction verification are counted too. Aggregated per wall-clock window by a
/// <see cref="LeakageMonitor"/>; as <see cref="IStageHooks"/> of the stage's runner it produces the
/// alert transitions when a window closes. Shared by all sanitize workers and threads of an instance.
/// </summary>
/// <remarks>
/// Working on the sanitized bytes the stage is about to produce costs one forward JSON pass and no
/// Kafka round trip (an earlier version re-consumed the sanitized topic in a separate stage). Raw
/// subject ids are clients only as pseudonyms. Raw partitions are keyed by subject, so a client's
/// queries meet in one instance; per-model conditions are counted per instance (several instances
/// raise with the same dedup key). Counts of records that a crash or an aborted transaction sends
/// through the stage again are counted again (in the window open when they are re-processed, so a
/// rewound window's events may count twice); a crash loses the open window's counts. Alerts produced
/// into a transaction that is then aborted are produced again at the next tick (their window is closed
/// and would not raise them again); a crash between producing and committing them loses them.
/// </remarks>
public sealed class LeakageWatch : IStageHooks
{
    private readonly LeakageMonitor _monitor;
    private readonly CanarySet _canaries;
    private readonly string _alertsTopic;
    private readonly int _maxDepth;
    private readonly TimeProvider _time;
    private long _unreadable;

    // Alerts produced since the last commit, and alerts of an aborted transaction still to re-produce.
    // Used from the owning runner's consumer thread only (OnTick, OnCommitted, OnAborted).
    private readonly List<(byte[] Key, byte[] Value)> _uncommitted = [];
    private readonly List<(byte[] Key, byte[] Value)> _redo = [];

    /// <summary>Creates the watch.</summary>
    public LeakageWatch(LeakageSettings settings, CanarySet canaries, string alertsTopic, int maxDepth, TimeProvider time)
    {
        _monitor = new LeakageMonitor(settings, time);
        _canaries = canaries;
        _alertsTopic = alertsTopic;
        _maxDepth = maxDepth;
        _time = time;
    }

    /// <summary>The registered canaries (keyed hashes).</summary>
    public CanarySet Canaries => _canaries;

    /// <summary>Leakage conditions currently raised.</summary>
    public int Raised => _monitor.RaisedCount;

    /// <summary>Sanitized events the checks could not read (counted, never echoed; should stay 0).</summary>
    public long Unreadable => Interlocked.Read(ref _unreadable);

    /// <summary>Observes one sanitized inference event (UTF-8 JSON). Never throws for its content. Thread-safe.</summary>
    public void Observe(ReadOnlySpan<byte> sanitizedJson)
    {
        try
        {
            if (LeakageSignalReader.Read(sanitizedJson, _canaries, _maxDepth) is { } signals)
            {
                _monitor.ObserveEvent(signals);
            }
        }
        catch (JsonException)
        {
            Interlocked.Increment(ref _unreadable);
        }
    }

    /// <summary>Counts one record withheld by post-redaction verification. Thread-safe.</summary>
    public void ObserveWithheld() => _monitor.ObserveWithheld();

    /// <inheritdoc />
    public void OnTick(IStageOutput output)
    {
        foreach (var (key, value) in _redo)
        {
            Produce(output, key, value);
        }

        _redo.Clear();
        var alerts = _monitor.CloseReady();
        if (alerts.Count == 0)
        {
            return;
        }

        var now = _time.GetUtcNow();
        foreach (var alert in alerts)
        {
            var (key, value) = AlertMessage.EncodeLeakage(alert, now);
            Produce(output, key, value);
        }
    }

    /// <inheritdoc />
    public void OnCommitted() => _uncommitted.Clear();

    /// <inheritdoc />
    public void OnStarted(IStageOutput output)
    {
    }

    /// <inheritdoc />
    public void OnStopping(IStageOutput output)
    {
    }

    /// <inheritdoc />
    public void OnAborted()
    {
        _redo.AddRange(_uncommitted);
        _uncommitted.Clear();
    }

    private void Produce(IStageOutput output, byte[] key, byte[] value)
    {
        output.Produce(_alertsTopic, key, value);
        _uncommitted.Add((key, value));
    }
}
