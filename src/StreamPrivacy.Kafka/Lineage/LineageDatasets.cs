using Schema = Avro.Schema;
using UnionSchema = Avro.UnionSchema;
using StreamPrivacy.Core.Lineage;
using StreamPrivacy.Kafka.Configuration;
using StreamPrivacy.Kafka.Serdes;
using StreamPrivacy.Kafka.Stages;

namespace StreamPrivacy.Kafka.Lineage;

/// <summary>Which topics each stage reads and writes, as OpenLineage datasets with their Avro schema's fields.</summary>
internal sealed class LineageDatasets
{
    private readonly TopicOptions _topics;
    private readonly string _namespace;
    private readonly Dictionary<string, string?> _schemaByTopic;

    /// <summary>Datasets on the cluster at <paramref name="bootstrapServers"/> (namespace <c>kafka://{first host:port}</c>).</summary>
    public LineageDatasets(TopicOptions topics, string bootstrapServers)
    {
        _topics = topics;
        _namespace = "kafka://" + bootstrapServers.Split(',')[0].Trim();
        _schemaByTopic = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [topics.InferenceRaw] = SchemaNames.RawInferenceEvent,
            [topics.FeaturesRaw] = SchemaNames.RawFeatureEvent,
            [topics.InferenceSanitized] = SchemaNames.SanitizedInferenceEvent,
            [topics.FeaturesSanitized] = SchemaNames.SanitizedFeatureEvent,
            [topics.Metrics] = SchemaNames.MetricRelease,
            [topics.DriftAlerts] = SchemaNames.Alert,
            [topics.LeakageAlerts] = SchemaNames.Alert,
            [topics.Partials] = SchemaNames.PartialHistogram,
            [topics.Ledger] = SchemaNames.LedgerRecord,
            [topics.DeadLetter] = SchemaNames.DeadLetterRecord,
        };
    }

    /// <summary>The dataset namespace.</summary>
    public string Namespace => _namespace;

    /// <summary>Inputs and outputs of <paramref name="stage"/>.</summary>
    public (IReadOnlyList<LineageDataset> Inputs, IReadOnlyList<LineageDataset> Outputs) Of(string stage)
    {
        var t = _topics;
        var (inputs, outputs) = stage switch
        {
            SanitizeProcessor.StageName => ([t.InferenceRaw, t.FeaturesRaw], new[] { t.InferenceSanitized, t.FeaturesSanitized, t.DeadLetter, t.LeakageAlerts }),
            ProfileProcessor.StageName => ([t.InferenceSanitized, t.FeaturesSanitized], [t.Partials, t.DeadLetter]),
            ReleaseProcessor.StageName => ([t.Partials, t.Ledger], [t.Ledger, t.Metrics, t.DriftAlerts, t.LeakageAlerts]),
            _ => (Array.Empty<string>(), Array.Empty<string>()),
        };
        return ([.. inputs.Select(Dataset)], [.. outputs.Select(Dataset)]);
    }

    private LineageDataset Dataset(string topic)
    {
        var fields = _schemaByTopic.GetValueOrDefault(topic) is { } name
            ? AvroSchemaCatalog.Default.GetByName(name).Fields.Select(f => new LineageField(f.Name, TypeName(f.Schema), f.Documentation)).ToList()
            : [];
        return new LineageDataset(_namespace, topic, fields);
    }

    private static string TypeName(Schema schema) => schema is UnionSchema union
        ? string.Join('|', union.Schemas.Select(TypeName))
        : schema.Tag.ToString().ToLowerInvariant();
}
