using System.Text;
using StreamPrivacy.Kafka.Serdes;

namespace StreamPrivacy.Kafka.Tests.Serdes;

public sealed class EventPayloadTests
{
    private readonly AvroSingleObjectCodec _codec = new(AvroSchemaCatalog.Default);

    [Fact]
    public void Parse_JsonWithLeadingWhitespace_ReturnsObject()
    {
        var payload = Encoding.UTF8.GetBytes(" \r\n\t" + SampleEvents.Json("RawInferenceEvent"));

        var result = EventPayload.Parse(payload, _codec);

        Assert.Equal("credit-risk", result["model"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Parse_JsonWithUtf8Bom_ReturnsObject()
    {
        byte[] payload = [0xEF, 0xBB, 0xBF, .. "{\"a\":1}"u8];

        Assert.Equal(1, EventPayload.Parse(payload, _codec)["a"]!.GetValue<int>());
    }

    [Fact]
    public void Parse_AvroSingleObject_ReturnsDecodedObject()
    {
        var schema = AvroSchemaCatalog.Default.GetByName(SampleEvents.Ns + "RawFeatureEvent");
        var payload = _codec.Encode(SampleEvents.For("RawFeatureEvent"), schema);

        var result = EventPayload.Parse(payload, _codec);

        Assert.Equal("credit-features", result["feature_set"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("hello world")]
    [InlineData("[1,2,3]")]
    [InlineData("\"just a string\"")]
    [InlineData("42")]
    [InlineData("{\"a\":1")]
    [InlineData("{\"a\":1} trailing")]
    [InlineData("{\"a\":1,}")]
    [InlineData("{\"a\":/*c*/1}")]
    [InlineData("{\"a\":NaN}")]
    [InlineData("{\"a\":1,\"a\":2}")]
    public void Parse_NotAJsonObject_ThrowsMalformedJson(string text)
    {
        var ex = Assert.Throws<SerdeException>(() => EventPayload.Parse(Encoding.UTF8.GetBytes(text), _codec));

        Assert.Equal(SerdeErrorCode.MalformedJson, ex.Code);
    }

    [Theory]
    [InlineData(new byte[] { 0xC3 })]
    [InlineData(new byte[] { 0xC3, 0x02, 0x00 })]
    [InlineData(new byte[] { 0x00, 0x01, 0x02 })]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x7B, 0x00 })]
    public void Parse_BinaryGarbage_ThrowsMalformedJson(byte[] payload)
    {
        var ex = Assert.Throws<SerdeException>(() => EventPayload.Parse(payload, _codec));

        Assert.Equal(SerdeErrorCode.MalformedJson, ex.Code);
    }

    [Fact]
    public void Parse_ShortAvroHeader_ThrowsMalformedAvro()
    {
        var ex = Assert.Throws<SerdeException>(() => EventPayload.Parse(new byte[] { 0xC3, 0x01, 0x00 }, _codec));

        Assert.Equal(SerdeErrorCode.MalformedAvro, ex.Code);
    }

    [Fact]
    public void Parse_InvalidUtf8InString_ThrowsInvalidUtf8()
    {
        byte[] payload = [.. "{\"text\":\"ab"u8, 0xC3, 0x28, .. "\"}"u8];

        var ex = Assert.Throws<SerdeException>(() => EventPayload.Parse(payload, _codec));

        Assert.Equal(SerdeErrorCode.InvalidUtf8, ex.Code);
    }

    [Fact]
    public void Parse_OverlongUtf8Encoding_ThrowsInvalidUtf8()
    {
        byte[] payload = [.. "{\"a\":\""u8, 0xC0, 0xAF, .. "\"}"u8];

        var ex = Assert.Throws<SerdeException>(() => EventPayload.Parse(payload, _codec));

        Assert.Equal(SerdeErrorCode.InvalidUtf8, ex.Code);
    }

    [Fact]
    public void Parse_NestingBeyondMaxDepth_ThrowsTooDeep()
    {
        var payload = Encoding.UTF8.GetBytes("{\"a\":" + new string('[', 40) + new string(']', 40) + "}");

        var ex = Assert.Throws<SerdeException>(() => EventPayload.Parse(payload, _codec));

        Assert.Equal(SerdeErrorCode.TooDeep, ex.Code);
    }

    [Fact]
    public void Parse_DepthBoundary_AcceptsMaxDepthAndRejectsOneMore()
    {
        // Top-level object is depth 1, so "{"a":[[1]]}" has depth 3.
        var atLimit = "{\"a\":[[1]]}"u8.ToArray();
        var overLimit = "{\"a\":[[[1]]]}"u8.ToArray();

        EventPayload.Parse(atLimit, _codec, maxDepth: 3);
        var ex = Assert.Throws<SerdeException>(() => EventPayload.Parse(overLimit, _codec, maxDepth: 3));

        Assert.Equal(SerdeErrorCode.TooDeep, ex.Code);
    }

    [Fact]
    public void Parse_DeepButAlsoBrokenAfterLimit_ThrowsTooDeep()
    {
        var payload = Encoding.UTF8.GetBytes("{\"a\":" + new string('[', 40) + "oops");

        var ex = Assert.Throws<SerdeException>(() => EventPayload.Parse(payload, _codec));

        Assert.Equal(SerdeErrorCode.TooDeep, ex.Code);
    }

    [Fact]
    public void Parse_OverSizeLimit_ThrowsTooLarge()
    {
        var payload = Encoding.UTF8.GetBytes("{\"a\":\"" + new string('x', 2000) + "\"}");

        var ex = Assert.Throws<SerdeException>(() => EventPayload.Parse(payload, _codec, maxBytes: 1024));

        Assert.Equal(SerdeErrorCode.TooLarge, ex.Code);
    }
}
