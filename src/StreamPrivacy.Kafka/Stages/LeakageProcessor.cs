using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using StreamPrivacy.Core.Leakage;
using StreamPrivacy.Kafka.Configuration;
using StreamPrivacy.Kafka.Runtime;
using StreamPrivacy.Kafka.Serdes;
using StreamPrivacy.Kafka.Stages.Drift;

namespace StreamPrivacy.Kafka.Stages;

/// <summary>
/// The leakage stage (DESIGN §1–2, <c>ml.alerts.leakage</c>): reads sanitized inference events and the
/// dead-letter topic's metadata and watches for PII redacted from model outputs (the sanitize stage
/// records output redactions by path and entity type), registered canaries in outputs, probing per
/// pseudonymous client (query rate, SimHash near-duplicate share of prompts or feature vectors) and
/// records withheld by post-redaction verification. Aggregated per window, raised once and resolved
/// once per condition, rate-limited.
/// </summary>
/// <remarks>
/// Input is partitioned by subject pseudonym, so a client's queries meet in one instance; per-model
/// conditions are counted per instance (several instances raise with the same dedup key). Offsets
/// are committed as processed: a crash loses at most the open window's counts, never an event.
/// </remarks>
public sealed class LeakageProcessor : IStatefulProcessor
{
    /// <summary>The stage name.</summary>
    public const string StageName = "leakage";

    private readonly TopicOptions _topics;
    private readonly ProcessingOptions _processing;
    private readonly LeakageMonitor _monitor;
    private readonly CanarySet _canaries;
    private readonly AvroSingleObjectCodec _codec;
    private readonly StageCounters _counters;
    private readonly TimeProvider _time;

    /// <summary>Creates the processor.</summary>
    public LeakageProcessor(TopicOptions topics, ProcessingOptions processing, LeakageSettings settings, CanarySet canaries, AvroSchemaCatalog catalog, StageCounters counters, TimeProvider time)
    {
        _topics = topics;
        _processing = processing;
        _monitor = new LeakageMonitor(settings, time);
        _canaries = canaries;
        _codec = new AvroSingleObjectCodec(catalog);
        _counters = counters;
        _time = time;
        InputTopics = [topics.InferenceSanitized, topics.DeadLetter];
    }

    /// <inheritdoc />
    public string Name => StageName;

    /// <inheritdoc />
    public IReadOnlyList<string> InputTopics { get; }

    /// <summary>Leakage conditions currently raised.</summary>
    public int Raised => _monitor.RaisedCount;

    /// <inheritdoc />
    public void Process(ConsumeResult<byte[]?, byte[]?> record, IStageOutput output)
    {
        if (record.Message.Value is not { Length: > 0 } value)
        {
            return;
        }

        try
        {
            if (string.Equals(record.Topic, _topics.DeadLetter, StringComparison.Ordinal))
            {
                ObserveDeadLetter(value);
            }
            else if (value[0] == (byte)'{')
            {
                // The sanitize stage wrote this JSON; JsonDocument validates it while parsing (no second pass).
                ObserveEvent(value);
            }
            else
            {
                ObserveEvent(EventPayload.ToUtf8Json(value, _codec, _processing.MaxDepth, _processing.MaxRecordBytes));
            }
        }
        catch (Exception ex) when (ex is JsonException or SerdeException or InvalidOperationException or KeyNotFoundException)
        {
            // Unreadable here means the sanitize stage already accepted it; count, never echo.
            _counters.OnRejected("unreadable_for_leakage");
        }
    }

    /// <inheritdoc />
    public void OnAssigned(IReadOnlyList<TopicPartition> partitions)
    {
    }

    /// <inheritdoc />
    public void OnRevoked(IReadOnlyList<TopicPartition> partitions)
    {
    }

    /// <inheritdoc />
    public void Tick(IStageOutput output)
    {
        var now = _time.GetUtcNow();
        foreach (var alert in _monitor.CloseReady())
        {
            var (key, value) = AlertMessage.EncodeLeakage(alert, now);
            output.Produce(_topics.LeakageAlerts, key, value);
        }
    }

    /// <inheritdoc />
    public Offset SafeOffset(TopicPartition partition, Offset processed) => processed;

    private void ObserveDeadLetter(byte[] value)
    {
        using var document = JsonDocument.Parse(value);
        if (document.RootElement.TryGetProperty("reason", out var reason) && reason.ValueEquals("post_redaction_leak"u8))
        {
            _monitor.ObserveWithheld();
        }
    }

    private void ObserveEvent(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = _processing.MaxDepth });
        var root = document.RootElement;
        if (!root.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.Object
            || !model.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
        {
            return;
        }

        var version = model.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : string.Empty;
        var client = root.TryGetProperty("subject_id", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        _monitor.ObserveEvent(name.GetString()!, version, OutputRedactions(root), CanaryHits(root), client, QueryHash(root));
    }

    private static Dictionary<string, IReadOnlyDictionary<string, long>> OutputRedactions(JsonElement root)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, long>>(StringComparer.Ordinal);
        if (root.TryGetProperty("sanitization", out var sanitization) && sanitization.ValueKind == JsonValueKind.Object
            && sanitization.TryGetProperty("output_redactions", out var outputs) && outputs.ValueKind == JsonValueKind.Object)
        {
            foreach (var path in outputs.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object))
            {
                result[path.Name] = path.Value.EnumerateObject()
                    .Where(e => e.Value.ValueKind == JsonValueKind.Number)
                    .ToDictionary(e => e.Name, e => e.Value.GetInt64(), StringComparer.Ordinal);
            }
        }

        return result;
    }

    private Dictionary<string, int> CanaryHits(JsonElement root)
    {
        var hits = new Dictionary<string, int>(StringComparer.Ordinal);
        if (_canaries.Count == 0)
        {
            return hits;
        }

        void Check(string path, JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.String && _canaries.CountHits(element.GetString()) is > 0 and var n)
            {
                hits[path] = n;
            }
        }

        if (root.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.Object && text.TryGetProperty("response", out var response))
        {
            Check("$.text.response", response);
        }

        if (root.TryGetProperty("prediction", out var prediction) && prediction.ValueKind == JsonValueKind.Object && prediction.TryGetProperty("label", out var label))
        {
            Check("$.prediction.label", label);
        }

        return hits;
    }

    // The query a client sent: its prompt if any, else its feature vector as "name=value" tokens.
    private static ulong? QueryHash(JsonElement root)
    {
        if (root.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.Object
            && text.TryGetProperty("prompt", out var prompt) && prompt.ValueKind == JsonValueKind.String)
        {
            return SimHash.Of(prompt.GetString()!);
        }

        if (root.TryGetProperty("features", out var features) && features.ValueKind == JsonValueKind.Object)
        {
            var builder = new StringBuilder();
            foreach (var feature in features.EnumerateObject().OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                builder.Append(feature.Name).Append(' ').Append(feature.Value.GetRawText()).Append(' ');
            }

            return SimHash.Of(builder.ToString());
        }

        return null;
    }
}
