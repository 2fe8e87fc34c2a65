using System.Collections.Concurrent;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using StreamPrivacy.Core.Lineage;
using StreamPrivacy.Kafka.Configuration;
using StreamPrivacy.Kafka.Runtime;

namespace StreamPrivacy.Kafka.Lineage;

/// <summary>
/// Emits OpenLineage RunEvents to the lineage topic: START when a stage starts, COMPLETE on a graceful
/// stop, FAIL when a stage crashed (while it still can), and — built here, produced by the release
/// stage with its outputs — RUNNING with every window release. One run id per stage and pipeline
/// instance; job namespace <c>streamprivacy</c>, job name <c>streamprivacy.{stage}</c>.
/// </summary>
public sealed class LineagePublisher : IDisposable
{
    /// <summary>The job namespace.</summary>
    public const string JobNamespace = "streamprivacy";

    private readonly string _topic;
    private readonly LineageDatasets _datasets;
    private readonly RedactionPolicyFacet _policy;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IProducer<byte[]?, byte[]> _producer;
    private readonly ConcurrentDictionary<string, Guid> _runs = new(StringComparer.Ordinal);

    /// <summary>Creates a publisher with its own producer.</summary>
    public LineagePublisher(StreamPrivacyOptions options, string bootstrapServers, string policyVersion, string policyHash, TimeProvider time, ILogger logger)
    {
        _topic = options.Topics.Lineage;
        _datasets = new LineageDatasets(options.Topics, bootstrapServers);
        _policy = new RedactionPolicyFacet(policyVersion, policyHash);
        _time = time;
        _logger = logger;
        var config = KafkaClientConfigs.Producer(new StageRunnerOptions { BootstrapServers = bootstrapServers, GroupId = "lineage", CommonProperties = options.Kafka.Properties, ProducerProperties = options.Kafka.Producer });
        _producer = new ProducerBuilder<byte[]?, byte[]>(config).Build();
    }

    /// <summary>The run id of <paramref name="stage"/> in this instance.</summary>
    public Guid RunId(string stage) => _runs.GetOrAdd(stage, _ => Guid.NewGuid());

    /// <summary>Emits START for <paramref name="stage"/>.</summary>
    public void Start(string stage) => Emit(stage, Event(stage, LineageEventType.Start, new LineageRunFacets(RedactionPolicy: _policy)));

    /// <summary>Emits COMPLETE for <paramref name="stage"/> with its record counts.</summary>
    public void Complete(string stage, StageCounters counters) =>
        Emit(stage, Event(stage, LineageEventType.Complete, new LineageRunFacets(RedactionPolicy: _policy, RecordCounts: Counts(counters))));

    /// <summary>Emits FAIL for <paramref name="stage"/>: the exception type and message (ours never hold record values).</summary>
    public void Fail(string stage, StageCounters counters, Exception error) =>
        Emit(stage, Event(stage, LineageEventType.Fail, new LineageRunFacets(RedactionPolicy: _policy, RecordCounts: Counts(counters), Error: new ErrorFacet(error.GetType().Name + ": " + error.Message))));

    /// <summary>A RUNNING event for a release, for the release stage to produce with its outputs.</summary>
    public (byte[] Key, byte[] Value) Running(string stage, PrivacyBudgetFacet budget, StageCounters counters)
    {
        var value = Event(stage, LineageEventType.Running, new LineageRunFacets(budget, _policy, Counts(counters)));
        return (Encoding.UTF8.GetBytes(RunId(stage).ToString("D")), value);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _producer.Flush(TimeSpan.FromSeconds(5));
        _producer.Dispose();
    }

    private byte[] Event(string stage, LineageEventType type, LineageRunFacets facets)
    {
        var (inputs, outputs) = _datasets.Of(stage);
        return OpenLineageWriter.RunEvent(type, _time.GetUtcNow(), RunId(stage), JobNamespace, "streamprivacy." + stage, inputs, outputs, facets);
    }

    private void Emit(string stage, byte[] value)
    {
        try
        {
            _producer.Produce(_topic, new Message<byte[]?, byte[]> { Key = Encoding.UTF8.GetBytes(RunId(stage).ToString("D")), Value = value });
            _producer.Flush(TimeSpan.FromSeconds(5));
        }
        catch (KafkaException ex)
        {
            // Lineage is metadata about the pipeline: never let it stop the data path.
            _logger.LogWarning("lineage event for {Stage} not delivered: {Code}", stage, ex.Error.Code);
        }
    }

    private static RecordCountsFacet Counts(StageCounters c) => new(c.Consumed, c.Produced, c.Dropped, c.Rejected);
}
