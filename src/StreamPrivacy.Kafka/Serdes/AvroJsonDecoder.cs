using System.Text.Json.Nodes;
using Avro;

namespace StreamPrivacy.Kafka.Serdes;

/// <summary>
/// Avro binary to JSON tree decoder for the common case where writer and reader schema are the same.
/// Also used to validate a body completely before handing it to Avro's resolving reader.
/// </summary>
internal static class AvroJsonDecoder
{
    /// <summary>Upper bound on items in one collection whose items take no bytes (null or empty records).</summary>
    public const long MaxZeroSizeItems = 1 << 16;

    public static JsonObject DecodeRecord(ReadOnlySpan<byte> body, RecordSchema schema)
    {
        var path = new FieldPath();
        var reader = new AvroSpanReader(body, path);
        var result = (JsonObject)ReadValue(ref reader, schema, path, 0)!;
        if (reader.Remaining != 0)
        {
            throw new SerdeException(SerdeErrorCode.MalformedAvro, $"Avro body has {reader.Remaining} unexpected trailing bytes after the record.");
        }

        return result;
    }

    private static JsonNode? ReadValue(ref AvroSpanReader reader, Schema schema, FieldPath path, int depth)
    {
        if (depth > AvroJsonEncoder.MaxDepth)
        {
            throw new SerdeException(SerdeErrorCode.TooDeep, $"Avro value at {path} nests deeper than {AvroJsonEncoder.MaxDepth} levels.");
        }

        switch (schema.Tag)
        {
            case Schema.Type.Null:
                return null;
            case Schema.Type.Boolean:
                return JsonValue.Create(reader.ReadBoolean());
            case Schema.Type.Int:
                return JsonValue.Create((long)reader.ReadInt());
            case Schema.Type.Long:
                return JsonValue.Create(reader.ReadLong());
            case Schema.Type.Float:
                {
                    var f = reader.ReadFloat();
                    CheckFinite(float.IsFinite(f), path);
                    return JsonValue.Create(f);
                }

            case Schema.Type.Double:
                {
                    var d = reader.ReadDouble();
                    CheckFinite(double.IsFinite(d), path);
                    return JsonValue.Create(d);
                }

            case Schema.Type.String:
                return JsonValue.Create(reader.ReadString());
            case Schema.Type.Bytes:
                return JsonValue.Create(Convert.ToBase64String(reader.ReadBytes()));
            case Schema.Type.Fixed:
                return JsonValue.Create(Convert.ToBase64String(reader.ReadSpan(((FixedSchema)schema).Size)));
            case Schema.Type.Enumeration:
                {
                    var enumSchema = (EnumSchema)schema;
                    var index = reader.ReadLong();
                    if (index < 0 || index >= enumSchema.Count)
                    {
                        throw reader.Malformed("an enum index is out of range");
                    }

                    return JsonValue.Create(enumSchema[(int)index]);
                }

            case Schema.Type.Array:
                {
                    var items = ((ArraySchema)schema).ItemSchema;
                    var array = new JsonArray();
                    var index = 0;
                    for (var count = reader.ReadBlockCount(); count != 0; count = reader.ReadBlockCount())
                    {
                        CheckCount(ref reader, count, IsZeroSize(items), path);
                        for (long i = 0; i < count; i++)
                        {
                            path.PushIndex(index++);
                            array.Add(ReadValue(ref reader, items, path, depth + 1));
                            path.Pop();
                        }
                    }

                    return array;
                }

            case Schema.Type.Map:
                {
                    var values = ((MapSchema)schema).ValueSchema;
                    var map = new JsonObject();
                    path.PushMapValue();
                    for (var count = reader.ReadBlockCount(); count != 0; count = reader.ReadBlockCount())
                    {
                        // Every entry has at least a key length byte.
                        CheckCount(ref reader, count, zeroSize: false, path);
                        for (long i = 0; i < count; i++)
                        {
                            var key = reader.ReadString();
                            var value = ReadValue(ref reader, values, path, depth + 1);
                            if (!map.TryAdd(key, value))
                            {
                                throw reader.Malformed("a map contains a duplicate key");
                            }
                        }
                    }

                    path.Pop();
                    return map;
                }

            case Schema.Type.Record:
            case Schema.Type.Error:
                {
                    var record = new JsonObject();
                    foreach (var field in RecordPlan.For((RecordSchema)schema).Fields)
                    {
                        path.PushField(field.Name);
                        record.Add(field.Name, ReadValue(ref reader, field.Schema, path, depth + 1));
                        path.Pop();
                    }

                    return record;
                }

            case Schema.Type.Union:
                {
                    var union = (UnionSchema)schema;
                    var branch = reader.ReadLong();
                    if (branch < 0 || branch >= union.Count)
                    {
                        throw reader.Malformed("a union branch index is out of range");
                    }

                    return ReadValue(ref reader, union.Schemas[(int)branch], path, depth);
                }

            case Schema.Type.Logical:
                return ReadValue(ref reader, ((LogicalSchema)schema).BaseSchema, path, depth);
            default:
                throw reader.Malformed($"schema type {schema.Tag} is not supported");
        }
    }

    private static bool IsZeroSize(Schema items) =>
        items.Tag == Schema.Type.Null || (items is RecordSchema r && r.Count == 0);

    private static void CheckCount(ref AvroSpanReader reader, long count, bool zeroSize, FieldPath path)
    {
        if (zeroSize)
        {
            if (count > MaxZeroSizeItems)
            {
                throw new SerdeException(SerdeErrorCode.TooLarge, $"Collection at {path} declares more than {MaxZeroSizeItems} items.");
            }
        }
        else if (count > reader.Remaining)
        {
            // Each item needs at least one byte, so a larger count can only be a truncated or forged body.
            throw reader.Truncated();
        }
    }

    private static void CheckFinite(bool finite, FieldPath path)
    {
        if (!finite)
        {
            throw new SerdeException(SerdeErrorCode.NonFiniteNumber, $"Avro floating point value at {path} is NaN or infinite, which JSON cannot carry.");
        }
    }
}
