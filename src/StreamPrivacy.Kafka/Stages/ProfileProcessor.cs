using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using StreamPrivacy.Core.Drift;
using StreamPrivacy.Core.Events;
using StreamPrivacy.Core.Windowing;
using StreamPrivacy.Kafka.Configuration;
using StreamPrivacy.Kafka.Runtime;
using StreamPrivacy.Kafka.Serdes;
using StreamPrivacy.Kafka.Stages.Drift;

namespace StreamPrivacy.Kafka.Stages;

/// <summary>
/// Stage 2 (DESIGN §2): sanitized → partials. Per source partition: event-time windows per stream
/// (model, version, feature set), contribution bounding per subject pseudonym, exact histograms with
/// the bins of the model's reference profile. When the partition's watermark closes a window its
/// partial goes to the partials topic (keyed by stream); then the partition's watermark is announced
/// to every partials partition, so the release stage knows that partition is done with the window.
/// Offsets are committed only up to the first record of the oldest open window: a restart or a
/// rebalance rebuilds open windows from the log, and nothing counted is lost.
/// </summary>
public sealed class ProfileProcessor : IStatefulProcessor
{
    /// <summary>The stage name.</summary>
    public const string StageName = "profile";

    private readonly TopicOptions _topics;
    private readonly DriftOptions _drift;
    private readonly ProcessingOptions _processing;
    private readonly IReadOnlyDictionary<string, ReferenceProfile> _references;
    private readonly AvroSingleObjectCodec _codec;
    private readonly DeadLetterWriter _deadLetters;
    private readonly StageCounters _counters;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly WindowSpec _windows;
    private readonly WatermarkOptions _watermarks;
    private readonly Dictionary<TopicPartition, PartitionProfiler> _partitions = [];
    private readonly HashSet<string> _unknownModels = new(StringComparer.Ordinal);
    private DateTimeOffset _lastMarkers = DateTimeOffset.MinValue;
    private int _openWindows;

    /// <summary>Creates the processor; <paramref name="references"/> maps model names to reference profiles.</summary>
    public ProfileProcessor(
        TopicOptions topics,
        DriftOptions drift,
        ProcessingOptions processing,
        IReadOnlyDictionary<string, ReferenceProfile> references,
        AvroSchemaCatalog catalog,
        DeadLetterWriter deadLetters,
        StageCounters counters,
        TimeProvider time,
        ILogger logger)
    {
        _topics = topics;
        _drift = drift;
        _processing = processing;
        _references = references;
        _codec = new AvroSingleObjectCodec(catalog);
        _deadLetters = deadLetters;
        _counters = counters;
        _time = time;
        _logger = logger;
        _windows = drift.Hop is { } hop ? WindowSpec.Hopping(drift.Window, hop) : WindowSpec.Tumbling(drift.Window);
        _watermarks = new WatermarkOptions { OutOfOrderness = drift.OutOfOrderness, Grace = drift.Grace, IdleTimeout = drift.IdleTimeout, IdleOnlyWhenCaughtUp = true };
        InputTopics = [topics.InferenceSanitized, topics.FeaturesSanitized];
    }

    /// <inheritdoc />
    public string Name => StageName;

    /// <summary>Open (stream, window) states over all partitions, as of the last tick (readable from any thread).</summary>
    public int OpenWindows => Volatile.Read(ref _openWindows);

    /// <inheritdoc />
    public IReadOnlyList<string> InputTopics { get; }

    /// <inheritdoc />
    public void Process(ConsumeResult<byte[]?, byte[]?> record, IStageOutput output)
    {
        var profiler = Profiler(record.TopicPartition);
        try
        {
            ProcessEvent(record, profiler, output);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not StageFailedException)
        {
            Reject(record, new InputError(InputErrorReason.ProcessingFailure, "$", ex.GetType().Name), output);
        }
    }

    /// <inheritdoc />
    public void OnAssigned(IReadOnlyList<TopicPartition> partitions)
    {
        foreach (var p in partitions)
        {
            Profiler(p);
        }
    }

    /// <inheritdoc />
    public void OnPartitionEof(TopicPartition partition) => Profiler(partition).MarkCaughtUp();

    /// <inheritdoc />
    public void OnRevoked(IReadOnlyList<TopicPartition> partitions)
    {
        foreach (var p in partitions)
        {
            _partitions.Remove(p);
        }
    }

    /// <inheritdoc />
    public void Tick(IStageOutput output)
    {
        var now = _time.GetUtcNow();
        var closedAny = false;
        foreach (var (tp, profiler) in _partitions)
        {
            foreach (var closed in profiler.CloseReady())
            {
                var stream = closed.State.Stream;
                var partial = PartialWindow.From(closed, tp.Topic, tp.Partition.Value, profiler.LateCount(stream));
                output.Produce(_topics.Partials, Encoding.UTF8.GetBytes(stream.Key), PartialsMessage.Encode(partial, now));
                closedAny = true;
            }
        }

        Volatile.Write(ref _openWindows, _partitions.Values.Sum(p => p.OpenWindowCount));
        if (!closedAny && now - _lastMarkers < _drift.MarkerInterval)
        {
            return;
        }

        _lastMarkers = now;
        var partialsPartitions = output.PartitionCount(_topics.Partials);
        foreach (var (tp, profiler) in _partitions)
        {
            if (profiler.Watermark is not { } watermark)
            {
                continue;
            }

            var marker = PartialsMessage.EncodeWatermark(tp.Topic, tp.Partition.Value, watermark, now);
            for (var p = 0; p < partialsPartitions; p++)
            {
                output.Produce(_topics.Partials, p, null, marker);
            }
        }
    }

    /// <inheritdoc />
    public Offset SafeOffset(TopicPartition partition, Offset processed) =>
        _partitions.TryGetValue(partition, out var profiler) && profiler.LowestOpenOffset is { } low && low < processed.Value
            ? new Offset(low)
            : processed;

    private void ProcessEvent(ConsumeResult<byte[]?, byte[]?> record, PartitionProfiler profiler, IStageOutput output)
    {
        if (!EventPayload.TryReadJson(record.Message.Value, _codec, _processing.MaxDepth, _processing.MaxRecordBytes, out var json, out var error))
        {
            Reject(record, error, output);
            return;
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var isFeatures = string.Equals(record.Topic, _topics.FeaturesSanitized, StringComparison.Ordinal);
        if (!TryStream(root, isFeatures, out var model, out var version))
        {
            // A valid event that names no model (or feature set) cannot be attributed to a stream.
            _counters.OnDropped("no_stream");
            return;
        }

        if (!root.TryGetProperty("event_time", out var timeElement)
            || timeElement.ValueKind != JsonValueKind.String
            || !EventTime.TryParse(timeElement.GetString(), out var eventTime))
        {
            Reject(record, new InputError(InputErrorReason.InvalidTimestamp, "$.event_time", "event time missing or invalid"), output);
            return;
        }

        if (!_references.TryGetValue(model, out var reference))
        {
            _counters.OnDropped("no_reference");
            if (_unknownModels.Add(model) && _unknownModels.Count <= 100)
            {
                _logger.LogWarning("profile: no reference profile for model {Model}; its events are not profiled (configure drift.references)", model);
            }

            return;
        }

        var subject = root.TryGetProperty("subject_id", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        var stream = new StreamId(model, version, isFeatures ? "features" : "inference");
        switch (profiler.Add(stream, reference, eventTime, subject, record.Offset.Value, root))
        {
            case WindowAddResult.Late:
                _counters.OnDropped("late");
                break;
            case WindowAddResult.OverContributionBound:
                _counters.OnDropped("contribution_bound");
                break;
        }
    }

    // Inference events: model.name and model.version. Feature events carry no model: the stream is
    // their feature_set (looked up in drift.references like a model name) and source.
    private static bool TryStream(JsonElement root, bool isFeatures, out string name, out string version)
    {
        if (!isFeatures)
        {
            version = string.Empty;
            return TryText(root, "model", "name", out name) && TryText(root, "model", "version", out version);
        }

        name = root.TryGetProperty("feature_set", out var set) && set.ValueKind == JsonValueKind.String ? set.GetString()! : string.Empty;
        version = root.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.String ? source.GetString()! : "-";
        return name.Length > 0;
    }

    private static bool TryText(JsonElement root, string parent, string member, out string text)
    {
        text = string.Empty;
        if (root.TryGetProperty(parent, out var p) && p.ValueKind == JsonValueKind.Object
            && p.TryGetProperty(member, out var m) && m.ValueKind == JsonValueKind.String)
        {
            text = m.GetString()!;
            return text.Length > 0;
        }

        return false;
    }

    private PartitionProfiler Profiler(TopicPartition partition)
    {
        if (!_partitions.TryGetValue(partition, out var profiler))
        {
            profiler = new PartitionProfiler(partition.Partition.Value, _windows, _watermarks, _drift.ContributionBound, _time);
            _partitions[partition] = profiler;
        }

        return profiler;
    }

    private void Reject(ConsumeResult<byte[]?, byte[]?> record, InputError error, IStageOutput output)
    {
        _counters.OnRejected(error.Reason.ToCode());
        _deadLetters.Write(record, error, output);
    }
}
