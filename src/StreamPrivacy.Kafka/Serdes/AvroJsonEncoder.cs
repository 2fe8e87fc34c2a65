using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Avro;

namespace StreamPrivacy.Kafka.Serdes;

/// <summary>
/// Schema-driven JSON tree to Avro binary encoder. Walks the schema and the JSON tree together and
/// writes the binary form directly, without building GenericRecord objects.
/// </summary>
internal static class AvroJsonEncoder
{
    public const int MaxDepth = 64;

    /// <summary>Encodes a JSON value against a schema.</summary>
    /// <param name="writer">Destination buffer.</param>
    /// <param name="schema">Schema of the value.</param>
    /// <param name="node">The value; null means JSON null.</param>
    /// <param name="path">Current field path, for error messages.</param>
    /// <param name="depth">Current nesting depth.</param>
    /// <param name="avroDefault">
    /// True when encoding a schema default: unions then use their first branch and bytes/fixed are
    /// ISO-8859-1 strings, as the Avro specification defines for defaults.
    /// </param>
    public static void WriteValue(AvroBufferWriter writer, Schema schema, JsonNode? node, FieldPath path, int depth, bool avroDefault = false)
    {
        if (depth > MaxDepth)
        {
            throw new SerdeException(SerdeErrorCode.TooDeep, $"Value at {path} nests deeper than {MaxDepth} levels.");
        }

        var kind = KindOf(node);
        switch (schema.Tag)
        {
            case Schema.Type.Null:
                Expect(kind == JsonValueKind.Null, "null", kind, path);
                break;
            case Schema.Type.Boolean:
                Expect(kind is JsonValueKind.True or JsonValueKind.False, "boolean", kind, path);
                writer.WriteBoolean(kind == JsonValueKind.True);
                break;
            case Schema.Type.Int:
                {
                    Expect(kind == JsonValueKind.Number, "int", kind, path);
                    if (!TryGetInteger(node!, path, out var l) || l is < int.MinValue or > int.MaxValue)
                    {
                        throw new SerdeException(SerdeErrorCode.WrongType, $"Field {path} must be an integer in the 32-bit range.");
                    }

                    writer.WriteLong(l);
                    break;
                }

            case Schema.Type.Long:
                {
                    Expect(kind == JsonValueKind.Number, "long", kind, path);
                    if (!TryGetInteger(node!, path, out var l))
                    {
                        throw new SerdeException(SerdeErrorCode.WrongType, $"Field {path} must be an integer in the 64-bit range.");
                    }

                    writer.WriteLong(l);
                    break;
                }

            case Schema.Type.Float:
                Expect(kind == JsonValueKind.Number, "float", kind, path);
                writer.WriteFloat((float)GetDouble(node!, path));
                break;
            case Schema.Type.Double:
                Expect(kind == JsonValueKind.Number, "double", kind, path);
                writer.WriteDouble(GetDouble(node!, path));
                break;
            case Schema.Type.String:
                Expect(kind == JsonValueKind.String, "string", kind, path);
                WriteString(writer, GetString(node!, path), path);
                break;
            case Schema.Type.Bytes:
                Expect(kind == JsonValueKind.String, "bytes (base64 string)", kind, path);
                writer.WriteBytes(DecodeBytes(GetString(node!, path), path, avroDefault));
                break;
            case Schema.Type.Fixed:
                {
                    Expect(kind == JsonValueKind.String, "fixed (base64 string)", kind, path);
                    var bytes = DecodeBytes(GetString(node!, path), path, avroDefault);
                    var size = ((FixedSchema)schema).Size;
                    if (bytes.Length != size)
                    {
                        throw new SerdeException(SerdeErrorCode.WrongType, $"Field {path} must decode to exactly {size} bytes.");
                    }

                    writer.WriteRaw(bytes);
                    break;
                }

            case Schema.Type.Enumeration:
                {
                    Expect(kind == JsonValueKind.String, "enum symbol", kind, path);
                    var enumSchema = (EnumSchema)schema;
                    var symbol = GetString(node!, path);
                    if (!enumSchema.Contains(symbol))
                    {
                        throw new SerdeException(SerdeErrorCode.WrongType, $"Field {path} is not one of the symbols of enum {enumSchema.Fullname}.");
                    }

                    writer.WriteLong(enumSchema.Ordinal(symbol));
                    break;
                }

            case Schema.Type.Array:
                {
                    Expect(kind == JsonValueKind.Array, "array", kind, path);
                    var array = node!.AsArray();
                    var items = ((ArraySchema)schema).ItemSchema;
                    if (array.Count > 0)
                    {
                        writer.WriteLong(array.Count);
                        for (var i = 0; i < array.Count; i++)
                        {
                            path.PushIndex(i);
                            WriteValue(writer, items, array[i], path, depth + 1, avroDefault);
                            path.Pop();
                        }
                    }

                    writer.WriteLong(0);
                    break;
                }

            case Schema.Type.Map:
                {
                    Expect(kind == JsonValueKind.Object, "map (JSON object)", kind, path);
                    var map = node!.AsObject();
                    var values = ((MapSchema)schema).ValueSchema;
                    if (map.Count > 0)
                    {
                        writer.WriteLong(map.Count);
                        path.PushMapValue();
                        foreach (var (key, value) in map)
                        {
                            WriteString(writer, key, path);
                            WriteValue(writer, values, value, path, depth + 1, avroDefault);
                        }

                        path.Pop();
                    }

                    writer.WriteLong(0);
                    break;
                }

            case Schema.Type.Record:
            case Schema.Type.Error:
                Expect(kind == JsonValueKind.Object, "record (JSON object)", kind, path);
                WriteRecord(writer, (RecordSchema)schema, node!.AsObject(), path, depth, avroDefault);
                break;
            case Schema.Type.Union:
                WriteUnion(writer, (UnionSchema)schema, node, kind, path, depth, avroDefault);
                break;
            case Schema.Type.Logical:
                // Logical types share the binary encoding of their base type; JSON carries the base value.
                WriteValue(writer, ((LogicalSchema)schema).BaseSchema, node, path, depth, avroDefault);
                break;
            default:
                throw new SerdeException(SerdeErrorCode.WrongType, $"Field {path} has an unsupported schema type {schema.Tag}.");
        }
    }

    public static void WriteRecord(AvroBufferWriter writer, RecordSchema schema, JsonObject value, FieldPath path, int depth, bool avroDefault = false)
    {
        // Properties not in the schema are ignored, as an Avro reader ignores unknown writer fields.
        foreach (var field in RecordPlan.For(schema).Fields)
        {
            path.PushField(field.Name);
            if (value.TryGetPropertyValue(field.Name, out var child))
            {
                WriteValue(writer, field.Schema, child, path, depth + 1, avroDefault);
            }
            else if (field.DefaultBytes is not null)
            {
                writer.WriteRaw(field.DefaultBytes);
            }
            else if (field.Nullable)
            {
                WriteValue(writer, field.Schema, null, path, depth + 1, avroDefault);
            }
            else
            {
                throw new SerdeException(SerdeErrorCode.WrongType, $"Required field {path} is missing.");
            }

            path.Pop();
        }
    }

    private static void WriteUnion(AvroBufferWriter writer, UnionSchema union, JsonNode? node, JsonValueKind kind, FieldPath path, int depth, bool avroDefault)
    {
        int branch;
        if (avroDefault)
        {
            branch = 0;
        }
        else
        {
            branch = SelectBranch(union, node, kind, path);
            if (branch < 0)
            {
                throw new SerdeException(
                    SerdeErrorCode.WrongType,
                    $"Field {path} must be one of [{string.Join(", ", union.Schemas.Select(s => s.Name))}] but is a JSON {Describe(kind)}.");
            }
        }

        writer.WriteLong(branch);
        WriteValue(writer, union.Schemas[branch], node, path, depth, avroDefault);
    }

    /// <summary>Picks the union branch for a JSON value by its kind; -1 when none fits.</summary>
    private static int SelectBranch(UnionSchema union, JsonNode? node, JsonValueKind kind, FieldPath path)
    {
        var schemas = union.Schemas;
        switch (kind)
        {
            case JsonValueKind.Null:
                return IndexOf(schemas, Schema.Type.Null);
            case JsonValueKind.True:
            case JsonValueKind.False:
                return IndexOf(schemas, Schema.Type.Boolean);
            case JsonValueKind.String:
                {
                    var i = IndexOf(schemas, Schema.Type.String);
                    if (i >= 0)
                    {
                        return i;
                    }

                    var symbol = GetString(node!, path);
                    for (var j = 0; j < schemas.Count; j++)
                    {
                        if (schemas[j] is EnumSchema e && e.Contains(symbol))
                        {
                            return j;
                        }
                    }

                    return IndexOf(schemas, Schema.Type.Bytes, Schema.Type.Fixed);
                }

            case JsonValueKind.Number:
                // Integer literals go to long (or int when it fits), anything else to double, so
                // 34 and 34.5 survive a round trip with their JSON spelling.
                if (TryGetInteger(node!, path, out var l))
                {
                    var li = IndexOf(schemas, Schema.Type.Long);
                    if (li >= 0)
                    {
                        return li;
                    }

                    var ii = IndexOf(schemas, Schema.Type.Int);
                    if (ii >= 0 && l is >= int.MinValue and <= int.MaxValue)
                    {
                        return ii;
                    }
                }

                return IndexOf(schemas, Schema.Type.Double, Schema.Type.Float);
            case JsonValueKind.Array:
                return IndexOf(schemas, Schema.Type.Array);
            case JsonValueKind.Object:
                return IndexOf(schemas, Schema.Type.Record, Schema.Type.Map);
            default:
                return -1;
        }
    }

    private static int IndexOf(IList<Schema> schemas, Schema.Type tag, Schema.Type? alternative = null)
    {
        for (var i = 0; i < schemas.Count; i++)
        {
            if (schemas[i].Tag == tag)
            {
                return i;
            }
        }

        if (alternative is { } alt)
        {
            for (var i = 0; i < schemas.Count; i++)
            {
                if (schemas[i].Tag == alt)
                {
                    return i;
                }
            }
        }

        return -1;
    }

    private static JsonValueKind KindOf(JsonNode? node) => node is null ? JsonValueKind.Null : node.GetValueKind();

    private static void Expect(bool condition, string expected, JsonValueKind actual, FieldPath path)
    {
        if (!condition)
        {
            throw new SerdeException(SerdeErrorCode.WrongType, $"Field {path} must be {expected} but is a JSON {Describe(actual)}.");
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "value",
    };

    private static void WriteString(AvroBufferWriter writer, string value, FieldPath path)
    {
        try
        {
            writer.WriteString(value);
        }
        catch (EncoderFallbackException)
        {
            throw new SerdeException(SerdeErrorCode.InvalidUtf8, $"String at {path} is not valid Unicode (lone surrogate).");
        }
    }

    private static string GetString(JsonNode node, FieldPath path)
    {
        try
        {
            if (node is JsonValue value && value.TryGetValue<string>(out var s))
            {
                return s;
            }

            // Values created from other CLR types (char, Guid, DateTime…) serialise as JSON strings.
            return JsonDocument.Parse(node.ToJsonString()).RootElement.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            throw new SerdeException(SerdeErrorCode.InvalidUtf8, $"String at {path} is not valid Unicode.");
        }
    }

    private static byte[] DecodeBytes(string text, FieldPath path, bool avroDefault)
    {
        if (avroDefault)
        {
            // Schema defaults for bytes are strings whose code points 0-255 are the byte values.
            var bytes = new byte[text.Length];
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] > 0xFF)
                {
                    throw new SerdeException(SerdeErrorCode.WrongType, $"Default of {path} is not a valid bytes default.");
                }

                bytes[i] = (byte)text[i];
            }

            return bytes;
        }

        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new SerdeException(SerdeErrorCode.WrongType, $"Field {path} must be a base64 string.");
        }
    }

    /// <summary>True when the JSON number is an integer literal that fits in 64 bits.</summary>
    private static bool TryGetInteger(JsonNode node, FieldPath path, out long value)
    {
        var v = (JsonValue)node;
        if (v.TryGetValue<JsonElement>(out var element))
        {
            return element.TryGetInt64(out value);
        }

        if (v.TryGetValue(out value))
        {
            return true;
        }

        if (v.TryGetValue<int>(out var i))
        {
            value = i;
            return true;
        }

        if (v.TryGetValue<short>(out var s))
        {
            value = s;
            return true;
        }

        if (v.TryGetValue<byte>(out var b))
        {
            value = b;
            return true;
        }

        if (v.TryGetValue<sbyte>(out var sb))
        {
            value = sb;
            return true;
        }

        if (v.TryGetValue<ushort>(out var us))
        {
            value = us;
            return true;
        }

        if (v.TryGetValue<uint>(out var ui))
        {
            value = ui;
            return true;
        }

        if (v.TryGetValue<ulong>(out var ul) && ul <= long.MaxValue)
        {
            value = (long)ul;
            return true;
        }

        _ = path;
        value = 0;
        return false;
    }

    private static double GetDouble(JsonNode node, FieldPath path)
    {
        var v = (JsonValue)node;
        double d;
        if (v.TryGetValue<JsonElement>(out var element))
        {
            // TryGetDouble refuses literals that overflow to infinity.
            if (!element.TryGetDouble(out d))
            {
                d = double.NaN;
            }
        }
        else if (v.TryGetValue(out d))
        {
        }
        else if (v.TryGetValue<float>(out var f))
        {
            d = f;
        }
        else if (v.TryGetValue<decimal>(out var m))
        {
            d = (double)m;
        }
        else if (TryGetInteger(node, path, out var l))
        {
            d = l;
        }
        else
        {
            d = double.NaN;
        }

        if (!double.IsFinite(d))
        {
            throw new SerdeException(SerdeErrorCode.NonFiniteNumber, $"Field {path} is NaN, infinite or out of the double range.");
        }

        return d;
    }
}
