using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace StreamPrivacy.Core.Lineage;

/// <summary>
/// Writes OpenLineage 2-0-2 RunEvents (JSON) for streaming stages: job facet <c>jobType</c> with
/// processing type STREAMING, datasets with the <c>schema</c> facet, and StreamPrivacy's custom run
/// facets, each with <c>_producer</c> and <c>_schemaURL</c> (schemas in <c>schemas/openlineage/</c>).
/// </summary>
public static class OpenLineageWriter
{
    /// <summary>The producer URI of every event and facet.</summary>
    public const string Producer = "https://github.com/streamprivacy/streamprivacy";

    /// <summary>Schema URL of the RunEvent.</summary>
    public const string RunEventSchema = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";

    /// <summary>Base URL of StreamPrivacy's custom facet schemas (files in <c>schemas/openlineage/</c>).</summary>
    public const string CustomFacetBase = "https://streamprivacy.github.io/spec/facets/1-0-0/";

    /// <summary>Writes one RunEvent.</summary>
    public static byte[] RunEvent(
        LineageEventType type,
        DateTimeOffset eventTime,
        Guid runId,
        string jobNamespace,
        string jobName,
        IReadOnlyList<LineageDataset> inputs,
        IReadOnlyList<LineageDataset> outputs,
        LineageRunFacets facets)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("eventType", type switch
            {
                LineageEventType.Start => "START",
                LineageEventType.Running => "RUNNING",
                LineageEventType.Complete => "COMPLETE",
                _ => "FAIL",
            });
            json.WriteString("eventTime", eventTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("producer", Producer);
            json.WriteString("schemaURL", RunEventSchema);
            json.WriteStartObject("run");
            json.WriteString("runId", runId.ToString("D"));
            json.WriteStartObject("facets");
            WriteRunFacets(json, facets);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartObject("job");
            json.WriteString("namespace", jobNamespace);
            json.WriteString("name", jobName);
            json.WriteStartObject("facets");
            json.WriteStartObject("jobType");
            Base(json, "https://openlineage.io/spec/facets/2-0-4/JobTypeJobFacet.json#/$defs/JobTypeJobFacet");
            json.WriteString("processingType", "STREAMING");
            json.WriteString("integration", "STREAMPRIVACY");
            json.WriteString("jobType", "STAGE");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            WriteDatasets(json, "inputs", inputs);
            WriteDatasets(json, "outputs", outputs);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteRunFacets(Utf8JsonWriter json, LineageRunFacets facets)
    {
        json.WriteStartObject("processing_engine");
        Base(json, "https://openlineage.io/spec/facets/1-1-1/ProcessingEngineRunFacet.json#/$defs/ProcessingEngineRunFacet");
        json.WriteString("version", typeof(OpenLineageWriter).Assembly.GetName().Version?.ToString() ?? "0.0.0");
        json.WriteString("name", "StreamPrivacy");
        json.WriteEndObject();
        if (facets.PrivacyBudget is { } budget)
        {
            json.WriteStartObject("streamprivacy_privacy_budget");
            Base(json, CustomFacetBase + "PrivacyBudgetRunFacet.json#/$defs/PrivacyBudgetRunFacet");
            json.WriteString("mechanism", budget.Mechanism);
            Number(json, "epsilon", budget.Epsilon);
            Number(json, "rho", budget.Rho);
            Number(json, "delta", budget.Delta);
            if (budget.ReleaseId is not null)
            {
                json.WriteString("releaseId", budget.ReleaseId);
            }

            if (budget.Stream is not null)
            {
                json.WriteString("stream", budget.Stream);
            }

            json.WriteEndObject();
        }

        if (facets.RedactionPolicy is { } policy)
        {
            json.WriteStartObject("streamprivacy_redaction_policy");
            Base(json, CustomFacetBase + "RedactionPolicyRunFacet.json#/$defs/RedactionPolicyRunFacet");
            json.WriteString("version", policy.Version);
            json.WriteString("hash", policy.Hash);
            json.WriteEndObject();
        }

        if (facets.RecordCounts is { } counts)
        {
            json.WriteStartObject("streamprivacy_record_counts");
            Base(json, CustomFacetBase + "RecordCountsRunFacet.json#/$defs/RecordCountsRunFacet");
            json.WriteNumber("consumed", counts.Consumed);
            json.WriteNumber("produced", counts.Produced);
            json.WriteNumber("dropped", counts.Dropped);
            json.WriteNumber("rejected", counts.Rejected);
            json.WriteEndObject();
        }

        if (facets.Error is { } error)
        {
            json.WriteStartObject("errorMessage");
            Base(json, "https://openlineage.io/spec/facets/1-0-1/ErrorMessageRunFacet.json#/$defs/ErrorMessageRunFacet");
            json.WriteString("message", error.Message);
            json.WriteString("programmingLanguage", "C#");
            json.WriteEndObject();
        }
    }

    private static void WriteDatasets(Utf8JsonWriter json, string name, IReadOnlyList<LineageDataset> datasets)
    {
        json.WriteStartArray(name);
        foreach (var dataset in datasets)
        {
            json.WriteStartObject();
            json.WriteString("namespace", dataset.Namespace);
            json.WriteString("name", dataset.Name);
            json.WriteStartObject("facets");
            if (dataset.Fields.Count > 0)
            {
                json.WriteStartObject("schema");
                Base(json, "https://openlineage.io/spec/facets/1-2-0/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet");
                json.WriteStartArray("fields");
                var position = 1;
                foreach (var field in dataset.Fields)
                {
                    json.WriteStartObject();
                    json.WriteString("name", field.Name);
                    json.WriteString("type", field.Type);
                    if (field.Description is not null)
                    {
                        json.WriteString("description", field.Description);
                    }

                    json.WriteNumber("ordinal_position", position++);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Base(Utf8JsonWriter json, string schemaUrl)
    {
        json.WriteString("_producer", Producer);
        json.WriteString("_schemaURL", schemaUrl);
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumber(name, v);
        }
    }
}
