using System.Buffers.Binary;
using System.Text.Json.Nodes;
using Avro;
using StreamPrivacy.Kafka.Serdes;

namespace StreamPrivacy.Kafka.Tests.Serdes;

public sealed class AvroSingleObjectCodecTests
{
    private readonly AvroSchemaCatalog _catalog = AvroSchemaCatalog.Default;
    private readonly AvroSingleObjectCodec _codec = new(AvroSchemaCatalog.Default);

    public static TheoryData<string> EventSchemas => new(SampleEvents.EventSchemaNames);

    [Theory]
    [MemberData(nameof(EventSchemas))]
    public void EncodeDecode_EverySchemaWithRealisticValues_ReturnsEqualJson(string name)
    {
        var schema = _catalog.GetByName(SampleEvents.Ns + name);
        var original = SampleEvents.For(name);

        var decoded = _codec.Decode(_codec.Encode(original, schema));

        Assert.True(JsonNode.DeepEquals(original, decoded), $"{name}: {decoded.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(EventSchemas))]
    public void EncodeDecode_ReEncodingDecodedJson_ReturnsIdenticalBytes(string name)
    {
        var schema = _catalog.GetByName(SampleEvents.Ns + name);
        var bytes = _codec.Encode(SampleEvents.For(name), schema);

        var again = _codec.Encode(_codec.Decode(bytes), schema);

        Assert.Equal(bytes, again);
    }

    [Fact]
    public void EncodeDecode_RawInference_KeepsNumberSpellingAndFieldOrder()
    {
        var schema = _catalog.GetByName(SampleEvents.Ns + "RawInferenceEvent");
        var original = SampleEvents.For("RawInferenceEvent");

        var decoded = _codec.Decode(_codec.Encode(original, schema));

        Assert.Equal(original.ToJsonString(), decoded.ToJsonString());
        Assert.Equal("2026-11-20T10:00:00.123Z", decoded["event_time"]!.GetValue<string>());
    }

    [Fact]
    public void Encode_Header_IsMarkerPlusLittleEndianFingerprint()
    {
        var schema = _catalog.GetByName(SampleEvents.Ns + "Alert");

        var bytes = _codec.Encode(SampleEvents.For("Alert"), schema);

        Assert.Equal(0xC3, bytes[0]);
        Assert.Equal(0x01, bytes[1]);
        Assert.Equal(AvroSchemaCatalog.Fingerprint(schema), BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(2, 8)));
        Assert.True(AvroSingleObjectCodec.LooksLikeSingleObject(bytes));
    }

    [Fact]
    public void Encode_BodyMatchesApacheAvroGenericWriter()
    {
        // Cross-check the hand-written encoder against Avro's own GenericDatumWriter.
        var schema = AvroSchemaCatalog.Default.GetByName(SampleEvents.Ns + "DeadLetterRecord");
        var json = SampleEvents.For("DeadLetterRecord");
        var record = new Avro.Generic.GenericRecord(schema);
        record.Add("source_topic", "ml.inference.raw");
        record.Add("source_partition", 5);
        record.Add("source_offset", 1234567890123L);
        record.Add("reason", new Avro.Generic.GenericEnum((EnumSchema)schema["reason"].Schema, "malformed_json"));
        record.Add("detail", "Payload is not valid JSON (line 1, byte 17).");
        record.Add("key_id", "dlq-key-3");
        record.Add("nonce", Convert.FromBase64String("AAECAwQFBgcICQoL"));
        record.Add("ciphertext", Convert.FromBase64String("3q2+78r+ur4BAgMEBQYHCA=="));
        record.Add("timestamp", "2026-11-20T10:00:00.5Z");
        using var stream = new MemoryStream();
        new Avro.Generic.GenericDatumWriter<Avro.Generic.GenericRecord>(schema).Write(record, new Avro.IO.BinaryEncoder(stream));

        var ours = _codec.Encode(json, schema);

        Assert.Equal(stream.ToArray(), ours[AvroSingleObjectCodec.HeaderLength..]);
    }

    [Fact]
    public void Decode_V1WriterWithDefaultReader_GetsTraceIdDefault()
    {
        var v1 = AvroSchemaCatalogTests.LoadV1();
        var original = SampleEvents.For("RawInferenceEventV1");
        var bytes = _codec.Encode(original, v1);

        var decoded = _codec.Decode(bytes);

        Assert.True(decoded.ContainsKey("trace_id"));
        Assert.Null(decoded["trace_id"]);
        decoded.Remove("trace_id");
        Assert.True(JsonNode.DeepEquals(original, decoded), decoded.ToJsonString());
    }

    [Fact]
    public void Decode_V1WriterWithExplicitV1Reader_HasNoTraceId()
    {
        var v1 = AvroSchemaCatalogTests.LoadV1();
        var bytes = _codec.Encode(SampleEvents.For("RawInferenceEventV1"), v1);

        var decoded = _codec.Decode(bytes, v1);

        Assert.False(decoded.ContainsKey("trace_id"));
    }

    [Fact]
    public void Decode_V2WriterWithV1Reader_DropsTraceId()
    {
        var v2 = _catalog.GetByName(SampleEvents.Ns + "RawInferenceEvent");
        var bytes = _codec.Encode(SampleEvents.For("RawInferenceEvent"), v2);

        var decoded = _codec.Decode(bytes, AvroSchemaCatalogTests.LoadV1());

        Assert.False(decoded.ContainsKey("trace_id"));
        Assert.Equal("customer-8812", decoded["subject_id"]!.GetValue<string>());
        Assert.Equal(52000.5, decoded["features"]!["income"]!.GetValue<double>());
        Assert.Equal(34L, decoded["features"]!["age"]!.GetValue<long>());
    }

    [Fact]
    public void Decode_ReadersDifferingOnlyInDefault_EachGetTheirOwnDefault()
    {
        var v1 = AvroSchemaCatalogTests.LoadV1();
        var bytes = _codec.Encode(SampleEvents.For("RawInferenceEventV1"), v1);
        var text = File.ReadAllText(Path.Combine(TestSchemas.Directory, "raw_inference_event.avsc"));
        var readerEu = WithTopLevelRegionDefault(text, "eu");
        var readerUs = WithTopLevelRegionDefault(text, "us");
        Assert.Equal(AvroSchemaCatalog.Fingerprint(readerEu), AvroSchemaCatalog.Fingerprint(readerUs));

        Assert.Equal("eu", _codec.Decode(bytes, readerEu)["region"]!.GetValue<string>());
        Assert.Equal("us", _codec.Decode(bytes, readerUs)["region"]!.GetValue<string>());
    }

    private static RecordSchema WithTopLevelRegionDefault(string schemaText, string region)
    {
        const string Fields = "\"fields\": [";
        var at = schemaText.IndexOf(Fields, StringComparison.Ordinal) + Fields.Length;
        return (RecordSchema)Schema.Parse(schemaText.Insert(at, $"{{\"name\":\"region\",\"type\":\"string\",\"default\":\"{region}\"}},"));
    }

    [Fact]
    public void Decode_IncompatibleReader_ThrowsWrongType()
    {
        var bytes = _codec.Encode(SampleEvents.For("Alert"), _catalog.GetByName(SampleEvents.Ns + "Alert"));

        var ex = Assert.Throws<SerdeException>(() => _codec.Decode(bytes, _catalog.GetByName(SampleEvents.Ns + "LedgerRecord")));

        Assert.Equal(SerdeErrorCode.WrongType, ex.Code);
    }

    [Fact]
    public void Decode_UnknownFingerprint_ThrowsNamingHexFingerprint()
    {
        byte[] payload = [0xC3, 0x01, 0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11, 0x00];

        var ex = Assert.Throws<SerdeException>(() => _codec.Decode(payload));

        Assert.Equal(SerdeErrorCode.UnknownFingerprint, ex.Code);
        Assert.Contains("0x1122334455667788", ex.Message, StringComparison.Ordinal);
        Assert.Contains("No schema in the catalogue", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_EveryTruncation_ThrowsMalformedAvro()
    {
        var bytes = _codec.Encode(SampleEvents.For("RawInferenceEvent"), _catalog.GetByName(SampleEvents.Ns + "RawInferenceEvent"));

        for (var length = 0; length < bytes.Length; length++)
        {
            var ex = Assert.Throws<SerdeException>(() => _codec.Decode(bytes.AsSpan(0, length)));
            Assert.Equal(SerdeErrorCode.MalformedAvro, ex.Code);
        }
    }

    [Fact]
    public void Decode_TrailingBytes_ThrowsMalformedAvro()
    {
        var bytes = _codec.Encode(SampleEvents.For("Alert"), _catalog.GetByName(SampleEvents.Ns + "Alert"));

        var ex = Assert.Throws<SerdeException>(() => _codec.Decode([.. bytes, 0x00]));

        Assert.Equal(SerdeErrorCode.MalformedAvro, ex.Code);
    }

    [Fact]
    public void Decode_HugeLengthPrefix_ThrowsMalformedAvroWithoutAllocating()
    {
        var schema = _catalog.GetByName(SampleEvents.Ns + "Alert");
        var header = _codec.Encode(SampleEvents.For("Alert"), schema)[..AvroSingleObjectCodec.HeaderLength];

        // alert_id string with a length prefix of 2^40.
        var ex = Assert.Throws<SerdeException>(() => _codec.Decode([.. header, 0x80, 0x80, 0x80, 0x80, 0x80, 0x40]));

        Assert.Equal(SerdeErrorCode.MalformedAvro, ex.Code);
    }

    [Fact]
    public void Decode_EnumIndexOutOfRange_ThrowsMalformedAvro()
    {
        var schema = _catalog.GetByName(SampleEvents.Ns + "Alert");
        var bytes = _codec.Encode(SampleEvents.For("Alert"), schema);
        var enumOffset = AvroSingleObjectCodec.HeaderLength + 1 + "al-77".Length + 1 + "leakage:credit-risk:$.text.prompt:email".Length;
        Assert.Equal(2, bytes[enumOffset]); // zigzag(1) = leakage
        bytes[enumOffset] = 0x10;

        var ex = Assert.Throws<SerdeException>(() => _codec.Decode(bytes));

        Assert.Equal(SerdeErrorCode.MalformedAvro, ex.Code);
    }

    [Fact]
    public void Decode_NaNInDouble_ThrowsNonFiniteNumber()
    {
        var schema = _catalog.GetByName(SampleEvents.Ns + "MetricRelease");
        var bytes = _codec.Encode(SampleEvents.For("MetricRelease"), schema);
        var marker = new byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(marker, 51873.25);
        var offset = bytes.AsSpan().IndexOf(marker);
        Assert.True(offset > 0);
        BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(offset), double.NaN);

        var ex = Assert.Throws<SerdeException>(() => _codec.Decode(bytes));

        Assert.Equal(SerdeErrorCode.NonFiniteNumber, ex.Code);
        Assert.Contains("$.value", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_InfinityInResolvedRead_ThrowsNonFiniteNumber()
    {
        var v1 = AvroSchemaCatalogTests.LoadV1();
        var bytes = _codec.Encode(SampleEvents.For("RawInferenceEventV1"), v1);
        var marker = new byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(marker, 0.87);
        var offset = bytes.AsSpan().IndexOf(marker);
        BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(offset), double.PositiveInfinity);

        var ex = Assert.Throws<SerdeException>(() => _codec.Decode(bytes));

        Assert.Equal(SerdeErrorCode.NonFiniteNumber, ex.Code);
        Assert.Contains("$.prediction.score", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_InvalidUtf8InAvroString_ThrowsInvalidUtf8()
    {
        var schema = _catalog.GetByName(SampleEvents.Ns + "Alert");
        var bytes = _codec.Encode(SampleEvents.For("Alert"), schema);
        bytes[AvroSingleObjectCodec.HeaderLength + 1] = 0xFF; // first byte of alert_id

        var ex = Assert.Throws<SerdeException>(() => _codec.Decode(bytes));

        Assert.Equal(SerdeErrorCode.InvalidUtf8, ex.Code);
        Assert.Contains("$.alert_id", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_WrongType_ThrowsWithFieldPath()
    {
        var value = SampleEvents.For("RawInferenceEvent");
        value["model"]!["version"] = 3;

        var ex = Assert.Throws<SerdeException>(() => _codec.Encode(value, _catalog.GetByName(SampleEvents.Ns + "RawInferenceEvent")));

        Assert.Equal(SerdeErrorCode.WrongType, ex.Code);
        Assert.Contains("$.model.version", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_WrongTypeInArray_ThrowsWithIndexPath()
    {
        var value = SampleEvents.For("RawInferenceEvent");
        value["consent"] = new JsonArray("monitoring", 7);

        var ex = Assert.Throws<SerdeException>(() => _codec.Encode(value, _catalog.GetByName(SampleEvents.Ns + "RawInferenceEvent")));

        Assert.Equal(SerdeErrorCode.WrongType, ex.Code);
        Assert.Contains("$.consent[1]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_ObjectAsFeatureValue_ThrowsWrongTypeWithoutKey()
    {
        var value = SampleEvents.For("RawInferenceEvent");
        value["features"]!["nested"] = new JsonObject();

        var ex = Assert.Throws<SerdeException>(() => _codec.Encode(value, _catalog.GetByName(SampleEvents.Ns + "RawInferenceEvent")));

        Assert.Equal(SerdeErrorCode.WrongType, ex.Code);
        Assert.Contains("$.features[*]", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("nested", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_FractionForLong_ThrowsWrongType()
    {
        var value = SampleEvents.For("Alert");
        value["count"] = 1.5;

        var ex = Assert.Throws<SerdeException>(() => _codec.Encode(value, _catalog.GetByName(SampleEvents.Ns + "Alert")));

        Assert.Equal(SerdeErrorCode.WrongType, ex.Code);
        Assert.Contains("$.count", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_MissingRequiredField_ThrowsWrongType()
    {
        var value = SampleEvents.For("RawInferenceEvent");
        value.Remove("subject_id");

        var ex = Assert.Throws<SerdeException>(() => _codec.Encode(value, _catalog.GetByName(SampleEvents.Ns + "RawInferenceEvent")));

        Assert.Equal(SerdeErrorCode.WrongType, ex.Code);
        Assert.Contains("$.subject_id", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_MissingOptionalFields_UsesDefaults()
    {
        var value = SampleEvents.For("RawInferenceEvent");
        value.Remove("label");
        value.Remove("text");
        value.Remove("trace_id");
        var metric = SampleEvents.For("MetricRelease");
        metric.Remove("confidence");

        var decoded = _codec.Decode(_codec.Encode(value, _catalog.GetByName(SampleEvents.Ns + "RawInferenceEvent")));
        var decodedMetric = _codec.Decode(_codec.Encode(metric, _catalog.GetByName(SampleEvents.Ns + "MetricRelease")));

        Assert.Null(decoded["label"]);
        Assert.Null(decoded["text"]);
        Assert.Null(decoded["trace_id"]);
        Assert.Equal(0.95, decodedMetric["confidence"]!.GetValue<double>());
    }

    [Fact]
    public void Encode_UnknownEnumSymbol_ThrowsWrongType()
    {
        var value = SampleEvents.For("Alert");
        value["state"] = "exploded";

        var ex = Assert.Throws<SerdeException>(() => _codec.Encode(value, _catalog.GetByName(SampleEvents.Ns + "Alert")));

        Assert.Equal(SerdeErrorCode.WrongType, ex.Code);
        Assert.Contains("$.state", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_NaN_ThrowsNonFiniteNumber()
    {
        var value = SampleEvents.For("MetricRelease");
        value["value"] = JsonValue.Create(double.NaN);

        var ex = Assert.Throws<SerdeException>(() => _codec.Encode(value, _catalog.GetByName(SampleEvents.Ns + "MetricRelease")));

        Assert.Equal(SerdeErrorCode.NonFiniteNumber, ex.Code);
    }

    [Fact]
    public void Encode_ProgrammaticClrValues_MapToSchemaTypes()
    {
        var value = SampleEvents.For("RawFeatureEvent");
        value["features"] = new JsonObject
        {
            ["i"] = 5,
            ["l"] = 5L,
            ["d"] = 5.0,
            ["m"] = 2.5m,
            ["b"] = true,
            ["s"] = "x",
        };
        var schema = _catalog.GetByName(SampleEvents.Ns + "RawFeatureEvent");

        var features = _codec.Decode(_codec.Encode(value, schema))["features"]!;

        Assert.Equal(5L, features["i"]!.GetValue<long>());
        Assert.Equal(5L, features["l"]!.GetValue<long>());
        Assert.Equal(5.0, features["d"]!.GetValue<double>());
        Assert.Equal(2.5, features["m"]!.GetValue<double>());
    }

    [Fact]
    public void Encode_UnregisteredSchema_ThrowsArgumentException()
    {
        var schema = (RecordSchema)Schema.Parse("""{"type":"record","name":"X","fields":[{"name":"a","type":"long"}]}""");

        Assert.Throws<ArgumentException>(() => _codec.Encode(new JsonObject { ["a"] = 1 }, schema));
    }

    [Fact]
    public async Task EncodeDecode_Concurrently_IsThreadSafe()
    {
        var v1 = AvroSchemaCatalogTests.LoadV1();
        var v2 = _catalog.GetByName(SampleEvents.Ns + "RawInferenceEvent");
        var tasks = Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                var useV1 = (i + t) % 2 == 0;
                var source = SampleEvents.For(useV1 ? "RawInferenceEventV1" : "RawInferenceEvent");
                var decoded = _codec.Decode(_codec.Encode(source, useV1 ? v1 : v2));
                Assert.Equal("customer-8812", decoded["subject_id"]!.GetValue<string>());
            }
        }));

        await Task.WhenAll(tasks);
    }
}
