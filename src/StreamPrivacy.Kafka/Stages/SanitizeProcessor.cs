using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using StreamPrivacy.Core.Events;
using StreamPrivacy.Core.Sanitization;
using StreamPrivacy.Kafka.Configuration;
using StreamPrivacy.Kafka.Runtime;
using StreamPrivacy.Kafka.Serdes;

namespace StreamPrivacy.Kafka.Stages;

/// <summary>
/// Stage 1 (DESIGN §2): raw → sanitized. Parses JSON or Avro input, applies the sanitize transform
/// and produces the sanitized event keyed by the subject's pseudonym (the raw key, a subject id,
/// is never forwarded). Bad input is counted by reason and dead-lettered, never forwarded.
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

    /// <summary>Creates the processor.</summary>
    public SanitizeProcessor(
        TopicOptions topics,
        ProcessingOptions processing,
        EventSanitizer sanitizer,
        AvroSchemaCatalog catalog,
        DeadLetterWriter deadLetters,
        StageCounters counters)
    {
        _topics = topics;
        _processing = processing;
        _sanitizer = sanitizer;
        _catalog = catalog;
        _codec = new AvroSingleObjectCodec(catalog);
        _deadLetters = deadLetters;
        _counters = counters;
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
        var value = record.Message.Value;
        if (value is null || value.Length == 0)
        {
            Reject(record, new InputError(InputErrorReason.MissingField, "$", "empty record"), output);
            return;
        }

        if (value.Length > _processing.MaxRecordBytes)
        {
            Reject(record, new InputError(InputErrorReason.TooLarge, "$", $"record exceeds {_processing.MaxRecordBytes} bytes"), output);
            return;
        }

        JsonObject evt;
        try
        {
            evt = EventPayload.Parse(value, _codec, _processing.MaxDepth, _processing.MaxRecordBytes);
        }
        catch (SerdeException ex)
        {
            Reject(record, new InputError(SerdeErrors.ToReason(ex.Code), "$", ex.Message), output);
            return;
        }

        var result = _sanitizer.Sanitize(evt, kind);
        switch (result.Outcome)
        {
            case SanitizeOutcome.Rejected:
                Reject(record, result.Error!, output);
                return;
            case SanitizeOutcome.DroppedNoConsent:
                _counters.OnDropped("consent");
                return;
        }

        var topic = kind == EventKind.Features ? _topics.FeaturesSanitized : _topics.InferenceSanitized;
        var key = result.SubjectPseudonym is null ? null : Encoding.UTF8.GetBytes(result.SubjectPseudonym);
        output.Produce(topic, key, Serialize(result.Event!, kind));
    }

    private byte[] Serialize(JsonObject evt, EventKind kind)
    {
        if (_processing.OutputFormat == OutputFormat.Json)
        {
            return JsonSerializer.SerializeToUtf8Bytes(evt);
        }

        var schema = _catalog.GetByName(kind == EventKind.Features ? SchemaNames.SanitizedFeatureEvent : SchemaNames.SanitizedInferenceEvent);
        return _codec.Encode(evt, schema);
    }

    private void Reject(ConsumeResult<byte[]?, byte[]?> record, InputError error, IStageOutput output)
    {
        _counters.OnRejected(error.Reason.ToCode());
        _deadLetters.Write(record, error, output);
    }
}
