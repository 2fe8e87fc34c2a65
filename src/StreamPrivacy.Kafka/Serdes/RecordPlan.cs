using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Avro;

namespace StreamPrivacy.Kafka.Serdes;

/// <summary>
/// Per-record-schema data computed once (field list, encoded defaults) so the per-event path does
/// no schema introspection beyond walking arrays.
/// </summary>
internal sealed class RecordPlan
{
    private const int MaxCachedPlans = 4096;

    private static readonly ConcurrentDictionary<RecordSchema, RecordPlan> Cache = new(ReferenceEqualityComparer.Instance);

    private RecordPlan(RecordSchema schema)
    {
        var fields = new FieldPlan[schema.Fields.Count];
        for (var i = 0; i < fields.Length; i++)
        {
            var field = schema.Fields[i];
            byte[]? defaultBytes = null;
            if (field.DefaultValue is not null)
            {
                // Avro defaults are JSON in the schema (Newtonsoft); re-parse with System.Text.Json and
                // encode once in "default" mode, where a union default belongs to the first branch.
                var json = JsonNode.Parse(field.DefaultValue.ToString(Newtonsoft.Json.Formatting.None));
                var writer = new AvroBufferWriter();
                AvroJsonEncoder.WriteValue(writer, field.Schema, json, new FieldPath(), 0, avroDefault: true);
                defaultBytes = writer.ToArray();
            }

            fields[i] = new FieldPlan(field.Name, field.Schema, defaultBytes, IsNullable(field.Schema));
        }

        Fields = fields;
    }

    public FieldPlan[] Fields { get; }

    public static RecordPlan For(RecordSchema schema)
    {
        if (Cache.TryGetValue(schema, out var plan))
        {
            return plan;
        }

        plan = new RecordPlan(schema);

        // Keyed by instance: stop caching when callers keep parsing fresh schema objects.
        if (Cache.Count < MaxCachedPlans)
        {
            Cache.TryAdd(schema, plan);
        }

        return plan;
    }

    private static bool IsNullable(Schema schema) =>
        schema.Tag == Schema.Type.Null
        || (schema is UnionSchema union && union.Schemas.Any(s => s.Tag == Schema.Type.Null));
}
