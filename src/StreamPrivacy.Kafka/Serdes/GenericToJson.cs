using System.Collections;
using System.Text.Json.Nodes;
using Avro.Generic;

namespace StreamPrivacy.Kafka.Serdes;

/// <summary>
/// Converts the object graph produced by Avro's GenericDatumReader (used only when writer and reader
/// schema differ) into the same JSON shape <see cref="AvroJsonDecoder"/> produces.
/// </summary>
internal static class GenericToJson
{
    public static JsonNode? Convert(object? value) => value switch
    {
        null => null,
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create((long)i),
        long l => JsonValue.Create(l),
        float f => float.IsFinite(f) ? JsonValue.Create(f) : throw NonFinite(),
        double d => double.IsFinite(d) ? JsonValue.Create(d) : throw NonFinite(),
        string s => JsonValue.Create(s),
        byte[] bytes => JsonValue.Create(System.Convert.ToBase64String(bytes)),
        GenericRecord record => ConvertRecord(record),
        GenericEnum e => JsonValue.Create(e.Value),
        GenericFixed f => JsonValue.Create(System.Convert.ToBase64String(f.Value)),
        IDictionary<string, object> map => ConvertMap(map),
        IEnumerable items => ConvertArray(items),
        _ => throw new SerdeException(SerdeErrorCode.MalformedAvro, "Resolved Avro value has a type (such as a logical type) that the JSON mapping does not support."),
    };

    private static JsonObject ConvertRecord(GenericRecord record)
    {
        var result = new JsonObject();
        foreach (var field in record.Schema.Fields)
        {
            result.Add(field.Name, Convert(record.GetValue(field.Pos)));
        }

        return result;
    }

    private static JsonObject ConvertMap(IDictionary<string, object> map)
    {
        var result = new JsonObject();
        foreach (var (key, value) in map)
        {
            result.Add(key, Convert(value));
        }

        return result;
    }

    private static JsonArray ConvertArray(IEnumerable items)
    {
        var result = new JsonArray();
        foreach (var item in items)
        {
            result.Add(Convert(item));
        }

        return result;
    }

    private static SerdeException NonFinite() =>
        new(SerdeErrorCode.NonFiniteNumber, "Resolved Avro floating point value is NaN or infinite, which JSON cannot carry.");
}
