using System.Text.Json.Nodes;
using StreamPrivacy.Core.Redaction;

namespace StreamPrivacy.Core.Tests.Redaction.Engine;

/// <summary>Numbers as text, keys that name the entity, names, adjacent entities and the subject field.</summary>
public sealed class RedactionEngineContextTests
{
    private const string Off = "minimization: { mode: off }\n";

    private static (JsonNode Output, RedactionCounts Counts) Redact(string json, string policyYaml = Off) => TestSanitizers.Redact(policyYaml, json);

    [Theory]
    [InlineData("""{"n": 4111111111111111}""")]
    [InlineData("""{"n": 4111111111111111.0}""")]
    [InlineData("""{"n": 4.111111111111111e15}""")]
    [InlineData("""{"n": 4.111111111111111E+15}""")]
    public void Redact_CardAsJsonNumber_IsReplacedWhateverItsForm(string json) =>
        Assert.Equal("<CREDIT_CARD>", Redact(json).Output["n"]!.GetValue<string>());

    [Theory]
    [InlineData("""{"ssn": 536221234}""", "ssn", "<US_SSN>")]
    [InlineData("""{"customer_ssn": "536221234"}""", "customer_ssn", "<US_SSN>")]
    [InlineData("""{"tax_id": "536-22-1234"}""", "tax_id", "<US_SSN>")]
    [InlineData("""{"phone": 4155550132}""", "phone", "<PHONE_NUMBER>")]
    [InlineData("""{"card_number": "4000 0000 0000 0002"}""", "card_number", "<CREDIT_CARD>")]
    [InlineData("""{"first_name": "Kwabena"}""", "first_name", "<PERSON>")]
    [InlineData("""{"customer": {"name": "Maria Garcia"}}""", "customer", null)]
    public void Redact_KeyNamingTheEntity_IsContextEnough(string json, string key, string? expected)
    {
        var output = Redact(json).Output;
        if (expected is null)
        {
            Assert.Equal("<PERSON>", output[key]!["name"]!.GetValue<string>());
        }
        else
        {
            Assert.Equal(expected, output[key]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData("""{"ssn": 123456789}""", "ssn")]               // the canonical placeholder is not an SSN
    [InlineData("""{"order_id": 536221234}""", "order_id")]      // a bare nine-digit id without context stays
    [InlineData("""{"score": 0.87}""", "score")]
    public void Redact_NumbersThatAreNotEntities_AreKept(string json, string key) =>
        Assert.Equal(JsonNode.Parse(json)![key]!.ToJsonString(), Redact(json).Output[key]!.ToJsonString());

    [Fact]
    public void Redact_ModelName_UnderAGenericNameKey_IsNotAPerson()
    {
        var output = Redact("""{"model": {"name": "Jasper", "version": "1.0"}, "name": "Maria Garcia"}""").Output;
        Assert.Equal("Jasper", output["model"]!["name"]!.GetValue<string>());
        Assert.Equal("<PERSON>", output["name"]!.GetValue<string>());
    }

    [Fact]
    public void Redact_NamesInFreeText_AreCountedAsPerson()
    {
        var (output, counts) = Redact("""{"text": {"response": "Thanks Priya, I forwarded it to Dr. Okafor."}}""");
        Assert.Equal("Thanks <PERSON>, I forwarded it to Dr. <PERSON>.", output["text"]!["response"]!.GetValue<string>());
        Assert.Equal(2, counts.ByEntity["PERSON"]);
    }

    [Theory]
    [InlineData("call (702) 934-1693 81.200.245.78 now", "call <PHONE_NUMBER> <IP_ADDRESS> now")]
    [InlineData("5551 6240 4710 5720 4173 5650 5142 1852", "<CREDIT_CARD> <CREDIT_CARD>")]
    [InlineData("Contact: 2406:da18:ed30:cd9d::219c:8754 863-221-3607", "Contact: <IP_ADDRESS> <PHONE_NUMBER>")]
    public void Redact_AdjacentEntities_AreAllRedacted(string text, string expected) =>
        Assert.Equal(expected, Redact(new JsonObject { ["t"] = text }.ToJsonString()).Output["t"]!.GetValue<string>());

    [Theory]
    [InlineData("""{"subject_id": {"email": "a@example.com"}}""")]
    [InlineData("""{"subject_id": ["a", "b"]}""")]
    [InlineData("""{"subject_id": true}""")]
    public void Redact_SubjectThatIsNotAStringOrNumber_IsRejected(string json)
    {
        var error = Assert.Throws<InvalidSubjectException>(() => Redact(json));
        Assert.DoesNotContain("example", error.Message, StringComparison.Ordinal);
    }
}
