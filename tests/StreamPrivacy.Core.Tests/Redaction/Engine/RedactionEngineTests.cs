using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using StreamPrivacy.Core.Policy;
using StreamPrivacy.Core.Redaction;
using StreamPrivacy.Core.Redaction.Operators;

namespace StreamPrivacy.Core.Tests.Redaction.Engine;

public sealed class RedactionEngineTests
{
    private static (JsonNode Output, RedactionCounts Counts) Redact(string policyYaml, string json) => TestSanitizers.Redact(policyYaml, json);

    private const string Off = "minimization: { mode: off }\n";

    [Fact]
    public void Redact_NestedUnknownFields_AreScanned()
    {
        var (output, counts) = Redact(Off, """{"a":{"b":[{"c":"write to bob@example.org now"}]}}""");
        Assert.Equal("write to <EMAIL_ADDRESS> now", output["a"]!["b"]![0]!["c"]!.GetValue<string>());
        Assert.Equal(1, counts.ByField["$.a.b[*].c|EMAIL_ADDRESS"]);
    }

    [Fact]
    public void Redact_EscapedCharacters_AreDecodedBeforeScanning()
    {
        var (output, _) = Redact(Off, """{"t":"bob\u0040example.org \"quoted\""}""");
        Assert.Equal("<EMAIL_ADDRESS> \"quoted\"", output["t"]!.GetValue<string>());
    }

    [Fact]
    public void Redact_CardStoredAsJsonNumber_IsRedacted()
    {
        var (output, _) = Redact(Off, """{"card":4111111111111111,"count":1234567890123}""");
        Assert.Equal("<CREDIT_CARD>", output["card"]!.GetValue<string>());
        Assert.Equal(1234567890123, output["count"]!.GetValue<long>());
    }

    [Fact]
    public void Redact_PiiInPropertyName_IsRedactedInOutputAndCounts()
    {
        var (output, counts) = Redact(Off, """{"scores":{"jane@example.com":0.9}}""");
        Assert.Equal(0.9, output["scores"]!["<EMAIL_ADDRESS>"]!.GetValue<double>());
        Assert.DoesNotContain(counts.ByField.Keys, k => k.Contains("jane", StringComparison.Ordinal));
    }

    [Fact]
    public void Redact_Allowlist_KeepsOnlyAllowedPathsAtAnyDepth()
    {
        const string policy = """
            minimization:
              mode: allowlist
              allowed_fields: [event_id, "attributes.region", "items[*].sku"]
            """;
        var (output, counts) = Redact(policy, """{"event_id":"e","attributes":{"region":"eu","ip":"10.0.0.1"},"items":[{"sku":"A-1","email":"x@y.io"}],"other":1}""");
        Assert.Equal("""{"event_id":"e","attributes":{"region":"eu"},"items":[{"sku":"A-1"}]}""", output.ToJsonString());
        Assert.Equal(3, counts.FieldsRemoved);
    }

    [Fact]
    public void Redact_FieldRules_ApplyTheirOperators()
    {
        const string policy = Off + """
            field_rules:
              - { path: $.drop_me, operator: drop }
              - { path: $.age, operator: generalize, mode: numeric_bucket, bucket_width: 10 }
              - { path: $.zip, operator: generalize, mode: postcode_truncate, keep_chars: 3 }
              - { path: $.day, operator: generalize, mode: date_truncate, date_unit: month }
              - { path: $.phone, operator: mask, chars_to_mask: 4, from_end: true }
              - { path: $.email, operator: hash }
              - { path: $.contact, operator: encrypt, key: contact }
              - { path: $.note, operator: keep }
              - { path: "$.nested.*", operator: redact }
            """;
        var (output, _) = Redact(policy, """
            {"drop_me":"x","age":34,"zip":"94107-1234","day":"2026-11-20","phone":"555-0100","email":"a@b.co",
             "contact":"Jane Roe","note":"keep a@b.co","nested":{"a":"s","b":[1,true]}}
            """);
        Assert.False(output.AsObject().ContainsKey("drop_me"));
        Assert.Equal("[30,40)", output["age"]!.GetValue<string>());
        Assert.Equal("941", output["zip"]!.GetValue<string>());
        Assert.Equal("2026-11", output["day"]!.GetValue<string>());
        Assert.Equal("555-****", output["phone"]!.GetValue<string>());
        Assert.StartsWith("hmac:", output["email"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("keep a@b.co", output["note"]!.GetValue<string>());
        Assert.Equal("""{"a":"","b":["",""]}""", output["nested"]!.ToJsonString());
        var token = output["contact"]!.GetValue<string>();
        Assert.StartsWith("enc:", token, StringComparison.Ordinal);
        Assert.Equal("Jane Roe", DeterministicEncryptor.Decrypt(token, TestSanitizers.Key("contact"), "FIELD_RULE"));
    }

    [Fact]
    public void Redact_EntityOperators_PerType()
    {
        const string policy = Off + """
            free_text:
              entities:
                DEFAULT: { operator: replace }
                CREDIT_CARD: { operator: mask, chars_to_mask: 12 }
                EMAIL_ADDRESS: { operator: drop }
            """;
        var (output, _) = Redact(policy, """{"a":"card 4111111111111111","b":"mail a@example.com","c":"ip 10.1.2.3"}""");
        Assert.Equal("card ************1111", output["a"]!.GetValue<string>());
        Assert.Null(output["b"]);
        Assert.Equal("ip <IP_ADDRESS>", output["c"]!.GetValue<string>());
    }

    [Fact]
    public void Redact_CustomDetectors_RegexWithChecksumAndDictionary()
    {
        const string policy = Off + """
            custom_detectors:
              - { entity_type: EMPLOYEE_ID, regex: "EMP-[0-9]{6}" }
              - { entity_type: ACCOUNT, regex: "ACC[0-9]{16}", checksum: luhn }
              - { entity_type: PROJECT, terms: [bluebird, "night jar"] }
            """;
        var (output, _) = Redact(policy, """{"t":"EMP-123456 on Bluebird and night jar, ACC4111111111111111 vs ACC4111111111111112"}""");
        Assert.Equal("<EMPLOYEE_ID> on <PROJECT> and <PROJECT>, <ACCOUNT> vs ACC4111111111111112", output["t"]!.GetValue<string>());
    }

    [Fact]
    public void Redact_ScanDisabled_LeavesStrings()
    {
        var (output, _) = Redact(Off + "allow_unsafe: true\nfree_text: { scan: false }\n", """{"t":"a@example.com"}""");
        Assert.Equal("a@example.com", output["t"]!.GetValue<string>());
    }

    [Fact]
    public void Redact_NonObjectRoot_IsHandled()
    {
        var (output, _) = Redact(Off, """["a@example.com", 1, null, {"x": false}]""");
        Assert.Equal("<EMAIL_ADDRESS>", output[0]!.GetValue<string>());
        Assert.Equal("""[1,null,{"x":false}]""", new JsonArray([.. output.AsArray().Skip(1).Select(n => n?.DeepClone())]).ToJsonString());
    }

    [Fact]
    public void Redact_MalformedJson_ThrowsWithoutContent()
    {
        var policy = PolicyLoader.Parse(Off, "t.yaml");
        var engine = TestSanitizers.Factory(policy).CreateEngine(false, 64);
        var ex = Assert.Throws<JsonException>(() => engine.Redact("""{"a":"SECRET-VALUE" """u8, new ArrayBufferWriter<byte>(), new RedactionCounts()));
        Assert.DoesNotContain("SECRET", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_CleanStrings_AllocateLittle()
    {
        var policy = PolicyLoader.Parse(Off, "t.yaml");
        var engine = TestSanitizers.Factory(policy).CreateEngine(false, 64);
        var json = """{"a":"The quick brown fox jumps over the lazy dog near the river bank today","b":"Nothing personal in here at all, only words and more words"}"""u8.ToArray();
        var buffer = new ArrayBufferWriter<byte>(4096);
        var counts = new RedactionCounts();
        for (var i = 0; i < 1000; i++)
        {
            buffer.ResetWrittenCount();
            engine.Redact(json, buffer, counts);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            buffer.ResetWrittenCount();
            engine.Redact(json, buffer, counts);
        }

        var perDocument = (GC.GetAllocatedBytesForCurrentThread() - before) / 1000.0;
        Assert.True(perDocument < 400, $"allocated {perDocument:0} bytes per clean document");
    }
}
