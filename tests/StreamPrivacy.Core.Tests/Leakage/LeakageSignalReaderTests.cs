using System.Text;
using System.Text.Json;
using StreamPrivacy.Core.Leakage;
using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Core.Tests.Leakage;

public sealed class LeakageSignalReaderTests
{
    private const string Canary = "zebra-quartz-7731";
    private static readonly SecretKey Key = new(Enumerable.Range(0, 32).Select(i => (byte)(i + 3)).ToArray(), "canary-test");
    private static readonly CanarySet Canaries = CanarySet.FromCanaries(Key, [Canary]);

    [Fact]
    public void Read_SanitizedInferenceEvent_TakesModelClientRedactionsCanariesAndPrompt()
    {
        var json = $$$"""
            {"event_id":"e1","model":{"name":"credit-risk","version":"3.2.0","extra":[1,{"a":2}]},"subject_id":"ps_abc",
             "text":{"prompt":"what is my limit","response":"call <EMAIL_ADDRESS> or say {{{Canary}}} twice {{{Canary}}}"},
             "prediction":{"label":"{{{Canary}}}","score":0.5},
             "sanitization":{"policy_version":"p1","output_redactions":{"$.text.response":{"EMAIL_ADDRESS":1,"PHONE_NUMBER":2}},"redactions":{"EMAIL_ADDRESS":1} } }
            """;

        var s = LeakageSignalReader.Read(Encoding.UTF8.GetBytes(json), Canaries)!;

        Assert.Equal(("credit-risk", "3.2.0", "ps_abc"), (s.Model, s.Version, s.Client));
        var outputs = Assert.Single(s.OutputRedactions);
        Assert.Equal("$.text.response", outputs.Key);
        Assert.Equal(1, outputs.Value["EMAIL_ADDRESS"]);
        Assert.Equal(2, outputs.Value["PHONE_NUMBER"]);
        Assert.Equal(2, s.CanaryHits[LeakageSignalReader.ResponsePath]);
        Assert.Equal(1, s.CanaryHits[LeakageSignalReader.LabelPath]);
        Assert.Equal(SimHash.Of("what is my limit"), s.QueryHash);
    }

    [Fact]
    public void Read_NoPrompt_HashesTheFeatureVectorInNameOrderWithRawValues()
    {
        var json = """{"model":{"name":"m"},"features":{"zip":"94107","age":41,"tags":{"n":[1, 2]},"ok":true}}""";

        var s = LeakageSignalReader.Read(Encoding.UTF8.GetBytes(json), Canaries)!;

        Assert.Equal(string.Empty, s.Version);
        Assert.Null(s.Client);
        Assert.Empty(s.OutputRedactions);
        Assert.Empty(s.CanaryHits);
        Assert.Equal(SimHash.Of("age 41 ok true tags {\"n\":[1, 2]} zip \"94107\" "), s.QueryHash);
    }

    [Fact]
    public void Read_PromptAndFeatures_ThePromptIsTheQuery()
    {
        var json = """{"features":{"a":1},"text":{"prompt":"hello there"},"model":{"name":"m","version":"1"}}""";
        Assert.Equal(SimHash.Of("hello there"), LeakageSignalReader.Read(Encoding.UTF8.GetBytes(json), Canaries)!.QueryHash);
    }

    [Theory]
    [InlineData("""{"subject_id":"x","text":{"response":"r"}}""")]
    [InlineData("""{"model":"credit-risk"}""")]
    [InlineData("""{"model":{"name":7}}""")]
    [InlineData("""[1,2]""")]
    public void Read_NoModelName_ReturnsNull(string json) =>
        Assert.Null(LeakageSignalReader.Read(Encoding.UTF8.GetBytes(json), Canaries));

    [Fact]
    public void Read_OddShapes_AreSkippedNotMisread()
    {
        var json = """{"model":{"name":"m"},"subject_id":12,"text":"plain","prediction":[1],"features":[1,2],"sanitization":{"output_redactions":{"$.text.response":"x","$.prediction.label":{"EMAIL_ADDRESS":"3","PHONE_NUMBER":1.5}}}}""";

        var s = LeakageSignalReader.Read(Encoding.UTF8.GetBytes(json), Canaries)!;

        Assert.Null(s.Client);
        Assert.Null(s.QueryHash);
        Assert.Empty(Assert.Single(s.OutputRedactions).Value);
    }

    [Fact]
    public void Read_NoCanariesRegistered_CountsNone()
    {
        var none = CanarySet.Empty(Key);
        var json = $$$"""{"model":{"name":"m"},"text":{"response":"{{{Canary}}}"}}""";
        Assert.Empty(LeakageSignalReader.Read(Encoding.UTF8.GetBytes(json), none)!.CanaryHits);
    }

    [Theory]
    [InlineData("""{"model":{"name":"m"},""")]
    [InlineData("""{"model":{"name":"m"},"text":{"prompt":"x"]}""")]
    public void Read_MalformedJson_Throws(string json) =>
        Assert.ThrowsAny<JsonException>(() => LeakageSignalReader.Read(Encoding.UTF8.GetBytes(json), Canaries));

    [Fact]
    public void Read_DeeperThanTheLimit_Throws()
    {
        var json = """{"model":{"name":"m"},"x":""" + new string('[', 10) + new string(']', 10) + "}";
        Assert.ThrowsAny<JsonException>(() => LeakageSignalReader.Read(Encoding.UTF8.GetBytes(json), Canaries, maxDepth: 5));
    }
}
