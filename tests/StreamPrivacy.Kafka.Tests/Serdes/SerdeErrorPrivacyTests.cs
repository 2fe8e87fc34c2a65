using System.Text;
using System.Text.Json.Nodes;
using StreamPrivacy.Kafka.Serdes;

namespace StreamPrivacy.Kafka.Tests.Serdes;

/// <summary>Exception messages end up in logs and dead-letter metadata: they must never echo payload content.</summary>
public sealed class SerdeErrorPrivacyTests
{
    private const string Secret = "SECRETzq9x7";

    private static readonly AvroSingleObjectCodec Codec = new(AvroSchemaCatalog.Default);

    public static TheoryData<string, byte[]> BadPayloads()
    {
        var data = new TheoryData<string, byte[]>
        {
            { "bare token", Encoding.UTF8.GetBytes($"{{\"subject_id\": {Secret}}}") },
            { "bad escape", Encoding.UTF8.GetBytes($"{{\"subject_id\": \"{Secret}\\q\"}}") },
            { "control char", Encoding.UTF8.GetBytes($"{{\"subject_id\": \"{Secret}\u0001\"}}") },
            { "unterminated", Encoding.UTF8.GetBytes($"{{\"subject_id\": \"{Secret}") },
            { "bad property", Encoding.UTF8.GetBytes($"{{{Secret}: 1}}") },
            { "duplicate", Encoding.UTF8.GetBytes($"{{\"{Secret}\": 1, \"{Secret}\": 2}}") },
            { "deep", Encoding.UTF8.GetBytes($"{{\"{Secret}\":" + new string('[', 40) + $"\"{Secret}\"" + new string(']', 40) + "}") },
            { "text garbage", Encoding.UTF8.GetBytes(Secret) },
            { "invalid utf8", [.. Encoding.UTF8.GetBytes($"{{\"a\":\"{Secret}"), 0xFF, .. "\"}"u8] },
        };

        // Avro with a secret in a string followed by invalid UTF-8 and by truncation.
        var schema = AvroSchemaCatalog.Default.GetByName(SampleEvents.Ns + "RawInferenceEvent");
        var value = SampleEvents.For("RawInferenceEvent");
        value["subject_id"] = Secret;
        var avro = Codec.Encode(value, schema);
        var at = avro.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Secret));
        var badUtf8 = (byte[])avro.Clone();
        badUtf8[at + Secret.Length - 1] = 0xFF;
        data.Add("avro invalid utf8", badUtf8);
        data.Add("avro truncated", avro[..(at + 4)]);
        data.Add("avro trailing", [.. avro, .. Encoding.UTF8.GetBytes(Secret)]);
        return data;
    }

    [Theory]
    [MemberData(nameof(BadPayloads))]
    public void Parse_BadPayloadWithSecret_MessageNeverContainsSecret(string scenario, byte[] payload)
    {
        var ex = Assert.Throws<SerdeException>(() => EventPayload.Parse(payload, Codec));

        Assert.DoesNotContain(Secret, ex.ToString(), StringComparison.Ordinal);
        Assert.Null(ex.InnerException);
        Assert.False(string.IsNullOrWhiteSpace(scenario));
    }

    public static TheoryData<string, string, JsonNode?> BadValues() => new()
    {
        { "RawInferenceEvent", "subject_id", 42 },
        { "RawInferenceEvent", "model", Secret },
        { "RawInferenceEvent", "features", new JsonObject { [Secret] = new JsonArray(Secret) } },
        { "RawInferenceEvent", "attributes", new JsonObject { [Secret] = 1 } },
        { "RawInferenceEvent", "text", new JsonArray(Secret) },
        { "RawInferenceEvent", "consent", new JsonArray(Secret, new JsonObject { ["x"] = Secret }) },
        { "RawInferenceEvent", "subject_id", "\ud800" + Secret },
        { "Alert", "state", Secret },
        { "Alert", "count", JsonValue.Create(1e300) },
        { "DeadLetterRecord", "nonce", Secret + "!!" },
        { "DeadLetterRecord", "source_partition", JsonValue.Create(long.MaxValue) },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Encode_BadValueWithSecret_MessageNeverContainsSecret(string schemaName, string field, JsonNode? bad)
    {
        var value = SampleEvents.For(schemaName);
        value["event_id"] = Secret;
        value[field] = bad;

        var ex = Assert.Throws<SerdeException>(() => Codec.Encode(value, AvroSchemaCatalog.Default.GetByName(SampleEvents.Ns + schemaName)));

        Assert.DoesNotContain(Secret, ex.ToString(), StringComparison.Ordinal);
        Assert.Contains("$." + field, ex.Message, StringComparison.Ordinal);
    }
}
