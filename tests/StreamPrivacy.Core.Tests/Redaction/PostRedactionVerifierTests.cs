using System.Text;
using StreamPrivacy.Core.Policy;
using StreamPrivacy.Core.Simulation;

namespace StreamPrivacy.Core.Tests.Redaction;

/// <summary>The verifier remembers clean property names and short strings by their bytes; that must never change a verdict.</summary>
public sealed class PostRedactionVerifierTests
{
    [Fact]
    public void FindLeak_AfterManyCleanEventsOfTheSameShape_StillFindsPiiInNamesAndValues()
    {
        var verifier = TestSanitizers.Factory(PolicyLoader.Default).CreateVerifier();
        for (var i = 0; i < 50; i++)
        {
            Assert.Null(verifier.FindLeak(Utf8("""{"contact":"none","note":"all fine","n":1}""")));
        }

        var inName = verifier.FindLeak(Utf8("""{"contact":"none","jane.doe@example.com":"all fine"}"""));
        Assert.Equal(("EMAIL_ADDRESS", "$.<key>"), inName);
        var inValue = verifier.FindLeak(Utf8("""{"contact":"jane.doe@example.com","note":"all fine"}"""));
        Assert.Equal(("EMAIL_ADDRESS", "$.contact"), inValue);
        Assert.Null(verifier.FindLeak(Utf8("""{"contact":"none","note":"all fine","n":1}""")));
    }

    [Fact]
    public void FindLeak_OneVerifierOverManyEvents_AgreesWithAFreshVerifierPerEvent()
    {
        var factory = TestSanitizers.Factory(PolicyLoader.Default);
        var shared = factory.CreateVerifier();
        var generator = new SyntheticTrafficGenerator(new SyntheticTrafficOptions { MalformedRate = 0, PiiRate = 0.3 }, TimeProvider.System);
        var events = Enumerable.Range(0, 400).Select(_ => generator.Next().Payload).ToList();
        var findings = 0;
        foreach (var payload in events)
        {
            // A verifier used for one event only has no memory of earlier ones.
            var expected = factory.CreateVerifier().FindLeak(payload);
            Assert.Equal(expected, shared.FindLeak(payload));
            findings += expected is null ? 0 : 1;
        }

        Assert.InRange(findings, 20, 400); // the raw events do contain PII
    }

    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);
}
