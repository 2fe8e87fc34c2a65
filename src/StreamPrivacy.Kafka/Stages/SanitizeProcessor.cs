using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using StreamPrivacy.Core.Events;
using StreamPrivacy.Core.Redaction;
using StreamPrivacy.Core.Sanitization;
using StreamPrivacy.Kafka.Configuration;
using StreamPrivacy.Kafka.Runtime;
using StreamPrivacy.Kafka.Serdes;

namespace StreamPrivacy.Kafka.Stages;

/// <summary>
/// Stage 1 (DESIGN §2): raw → sanitized. Accepts JSON or Avro input, applies the sanitize transform
/// (consent, minimisation, pseudonymisation, field rules, free-text PII redaction, post-redaction
/// verification) and produces the sanitized event keyed by the subject's pseudonym (the raw key, a
/// subject id, is never forwarded). Bad input and withheld records are counted by reason and
/// dead-lettered (encrypted), never forwarded. With a <see cref="LeakageWatch"/>, every sanitized
/// inference event and every withheld record is also checked for leakage (DESIGN §2: leakage checks
/// on model outputs are part of this stage). Not thread-safe: one instance per worker thread.
/// </summary>
public sealed class SanitizeProcessor : IRecordProcessor
{
    /// <summary>The stage name.</summary>
    public const string StageName = "sanitize";

    private readonly TopicOptions _topics;
    private readonly ProcessingOptions _processing;
    private readonly EventSanitizer _sanitizer;
    private readonly AvroSchemaCatalog _catalog;
    private readonly AvroSingleObjectCodec _codec;
    private readonly DeadLetterWriter _deadLetters;
    private readonly StageCounters _counters;
    private readonly LeakageWatch? _leakage;
    private readonly ArrayBufferWriter<byte> _buffer = new(2048);
    private readonly RedactionCounts _eventCounts = new();

    /// <summary>Creates the processor.</summary>
    public SanitizeProcessor(
        TopicOptions topics,
        ProcessingOptions processing,
        EventSanitizer sanitizer,
        AvroSchemaCatalog catalog,
        DeadLetterWriter deadLetters,
        StageCounters counters,
        LeakageWatch? leakage = null)
    {
        _topics = topics;
        _processing = processing;
        _sanitizer = sanitizer;
        _catalog = catalog;
        _codec = new AvroSingleObjectCodec(catalog);
        _deadLetters = deadLetters;
        _counters = counters;
        _leakage = leakage;
        InputTopics = [topics.InferenceRaw, topics.FeaturesRaw];
    }

    /// <inheritdoc />
    public string Name => StageName;

    /// <inheritdoc />
    public IReadOnlyList<string> InputTopics { get; }

    /// <inheritdoc />
    public void Process(ConsumeResult<byte[]?, byte[]?> record, IStageOutput output)
    {
        var kind = string.Equals(record.Topic, _topics.FeaturesRaw, StringComparison.Ordinal) ? EventKind.Features : EventKind.Inference;
        try
        {
            ProcessEvent(record, kind, output);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not StageFailedException)
        {
            // Never crash the stage on one record; keep it (encrypted) for inspection. The exception
            // type is recorded, never its message, which could echo a value.
            Reject(record, new InputError(InputErrorReason.ProcessingFailure, "$", ex.GetType().Name), output);
        }
    }

    private void ProcessEvent(ConsumeResult<byte[]?, byte[]?> record, EventKind kind, IStageOutput output)
    {
        if (!EventPayload.TryReadJson(record.Message.Value, _codec, _processing.MaxDepth, _processing.MaxRecordBytes, out var json, out var error))
        {
            Reject(record, error, output);
            return;
        }

        _buffer.ResetWrittenCount();
        _eventCounts.Clear();
        var result = _sanitizer.Sanitize(json.Span, kind, _buffer, _eventCounts);
        switch (result.Outcome)
        {
            case SanitizeOutcome.Rejected:
                Reject(record, result.Error!, output);
                return;
            case SanitizeOutcome.Withheld:
                _counters.OnWithheld();
                _leakage?.ObserveWithheld();
                Reject(record, result.Error!, output);
                return;
            case SanitizeOutcome.DroppedNoConsent:
                _counters.OnDropped("consent");
                return;
        }

        _counters.OnRedacted(_eventCounts);
        var topic = kind == EventKind.Features ? _topics.FeaturesSanitized : _topics.InferenceSanitized;
        var key = result.SubjectPseudonym is null ? null : Encoding.UTF8.GetBytes(result.SubjectPseudonym);
        output.Produce(topic, key, Serialize(_buffer.WrittenSpan, kind));
        if (kind == EventKind.Inference)
        {
            _leakage?.Observe(_buffer.WrittenSpan);
        }
    }

    private byte[] Serialize(ReadOnlySpan<byte> json, EventKind kind)
    {
        if (_processing.OutputFormat == OutputFormat.Json)
        {
            return json.ToArray();
        }

        var schema = _catalog.GetByName(kind == EventKind.Features ? SchemaNames.SanitizedFeatureEvent : SchemaNames.SanitizedInferenceEvent);
        return _codec.Encode(JsonNode.Parse(json)!.AsObject(), schema);
    }

    private void Reject(ConsumeResult<byte[]?, byte[]?> record, InputError error, IStageOutput output)
    {
        _counters.OnRejected(error.Reason.ToCode());
        _deadLetters.Write(record, error, output);
    }
}
