using System.Text.Json;
using System.Text.RegularExpressions;
using NJsonSchema;

namespace StreamPrivacy.Kafka.Tests.Lineage;

/// <summary>
/// Validates RunEvents against the OpenLineage 2-0-2 spec and every facet against its facet schema
/// (the standard ones copied from the spec, StreamPrivacy's own from schemas/openlineage/).
/// </summary>
internal static partial class OpenLineageValidator
{
    private const string BaseFacet = """{"type":"object","required":["_producer","_schemaURL"],"properties":{"_producer":{"type":"string","format":"uri"},"_schemaURL":{"type":"string","format":"uri"}}}""";

    private static readonly Lazy<JsonSchema> Spec = new(() => Load(Path.Combine(AppContext.BaseDirectory, "Lineage", "spec", "OpenLineage.json")));

    private static readonly Dictionary<string, string> FacetFiles = new(StringComparer.Ordinal)
    {
        ["jobType"] = "spec/JobTypeJobFacet.json",
        ["schema"] = "spec/SchemaDatasetFacet.json",
        ["errorMessage"] = "spec/ErrorMessageRunFacet.json",
        ["processing_engine"] = "spec/ProcessingEngineRunFacet.json",
        ["streamprivacy_privacy_budget"] = "custom/PrivacyBudgetRunFacet.json",
        ["streamprivacy_redaction_policy"] = "custom/RedactionPolicyRunFacet.json",
        ["streamprivacy_record_counts"] = "custom/RecordCountsRunFacet.json",
    };

    private static readonly Dictionary<string, JsonSchema> FacetSchemas = [];

    /// <summary>The validation errors of <paramref name="json"/> (empty when valid).</summary>
    public static IReadOnlyList<string> Errors(string json)
    {
        var errors = Spec.Value.Validate(json).Select(e => "event: " + e).ToList();
        using var document = JsonDocument.Parse(json);
        foreach (var (key, facet) in Facets(document.RootElement))
        {
            if (!FacetFiles.TryGetValue(key, out var file))
            {
                errors.Add($"facet '{key}' has no known schema");
                continue;
            }

            var schema = FacetSchema(file);
            var wrapper = "{" + JsonSerializer.Serialize(key) + ":" + facet.GetRawText() + "}";
            errors.AddRange(schema.Validate(wrapper).Select(e => $"facet {key}: {e}"));
        }

        return errors;
    }

    private static IEnumerable<(string Key, JsonElement Facet)> Facets(JsonElement root)
    {
        IEnumerable<JsonProperty> Of(JsonElement parent) =>
            parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty("facets", out var f) && f.ValueKind == JsonValueKind.Object ? f.EnumerateObject() : [];

        foreach (var p in Of(root.GetProperty("run")).Concat(Of(root.GetProperty("job"))))
        {
            yield return (p.Name, p.Value);
        }

        foreach (var list in new[] { "inputs", "outputs" })
        {
            if (root.TryGetProperty(list, out var datasets))
            {
                foreach (var p in datasets.EnumerateArray().SelectMany(Of))
                {
                    yield return (p.Name, p.Value);
                }
            }
        }
    }

    private static JsonSchema FacetSchema(string file)
    {
        lock (FacetSchemas)
        {
            if (!FacetSchemas.TryGetValue(file, out var schema))
            {
                schema = Load(Path.Combine(AppContext.BaseDirectory, "Lineage", file));
                FacetSchemas[file] = schema;
            }

            return schema;
        }
    }

    // NJsonSchema resolves draft-07 "definitions", not 2020-12 "$defs": rewrite the syntax only.
    private static JsonSchema Load(string path)
    {
        var text = File.ReadAllText(path)
            .Replace("\"$defs\"", "\"definitions\"", StringComparison.Ordinal)
            .Replace("#/$defs/", "#/definitions/", StringComparison.Ordinal)
            .Replace("https://json-schema.org/draft/2020-12/schema", "http://json-schema.org/draft-07/schema#", StringComparison.Ordinal);
        text = ExternalBaseRef().Replace(text, BaseFacet);
        return JsonSchema.FromJsonAsync(text).GetAwaiter().GetResult();
    }

    [GeneratedRegex("""\{\s*"\$ref"\s*:\s*"https://openlineage\.io/spec/2-0-2/OpenLineage\.json#/(?:\$defs|definitions)/\w+"\s*\}""")]
    private static partial Regex ExternalBaseRef();
}
