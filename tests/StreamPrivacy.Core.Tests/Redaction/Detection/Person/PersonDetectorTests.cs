using StreamPrivacy.Core.Redaction.Detection;
using StreamPrivacy.Core.Redaction.Detection.Person;

namespace StreamPrivacy.Core.Tests.Redaction.Detection.Person;

/// <summary>The shipped PERSON detector, through the scanner at the default threshold (the product path).</summary>
public sealed class PersonDetectorTests
{
    private static readonly TextScanner Scanner = new([new PersonDetector()], 0.4);

    private static string[] Names(string text)
    {
        var results = new List<PiiMatch>();
        Scanner.Scan(text, results, []);
        return [.. results.Select(m => text.Substring(m.Start, m.Length))];
    }

    [Theory]
    [InlineData("Hi, my name is Maria Garcia", "Maria Garcia")]
    [InlineData("Regards, Wei Chen", "Wei Chen")]
    [InlineData("Best regards,\nWei Chen", "Wei Chen")]
    [InlineData("Dear Dr. Okafor, thanks for the update.", "Okafor")]
    [InlineData("MEHMET YOUNG - priority", "MEHMET YOUNG")]
    [InlineData("I'm Kenji and my card was charged twice", "Kenji")]
    [InlineData("thanks Priya, that fixed it", "Priya")]
    [InlineData("John's account was locked yesterday", "John")]
    [InlineData("Anne-Marie O'Brien called about her refund", "Anne-Marie O'Brien")]
    [InlineData("hey its maria garcia again, still broken", "maria garcia")]
    [InlineData("ask Mark about the invoice", "Mark")]
    [InlineData("Please contact Oluwaseun Adebayo today", "Oluwaseun Adebayo")]
    [InlineData("Prof. Hiroshi Tanaka will review it", "Hiroshi Tanaka")]
    [InlineData("I spoke with Priya yesterday about the outage", "Priya")]
    [InlineData("Ludwig van Beethoven wrote it", "Ludwig van Beethoven")]
    [InlineData("Why was G\u00FCnver\u2019s access removed?", "G\u00FCnver")]
    [InlineData("According to Eunjeong, the server was restarted twice.", "Eunjeong")]
    [InlineData("Good catch, Musaffa.", "Musaffa")]
    [InlineData("From: Ngozi Eze", "Ngozi Eze")]
    [InlineData("\u2013 Anne", "Anne")]
    [InlineData("thanks @naoki, can you check?", "naoki")]
    [InlineData("cc @aster.haileselassie on this", "aster.haileselassie")]
    public void Scan_NameInContext_IsFound(string text, string expected) => Assert.Equal([expected], Names(text));

    [Theory]
    [InlineData("Maria, Wei and Tom joined the call", new[] { "Maria", "Wei", "Tom" })]
    [InlineData("Please add Selime, Zoe and Margarita to the channel.", new[] { "Selime", "Zoe", "Margarita" })]
    [InlineData("Maria Garcia called. Later Garcia wrote back.", new[] { "Maria Garcia", "Garcia" })]
    public void Scan_ListsAndRepeatedMentions_FindEveryName(string text, string[] expected) => Assert.Equal(expected, Names(text));

    [Theory]
    [InlineData("Will you reset my password?")]
    [InlineData("Mark the ticket as resolved please")]
    [InlineData("Our Premium plan renews on Monday in April")]
    [InlineData("Team Phoenix shipped the Jordan release")]
    [InlineData("The Austin office uses Excel and Slack")]
    [InlineData("Kafka consumer lag is high; Jenkins build failed")]
    [InlineData("Our office in France is closed every Saturday in November.")]
    [InlineData("The New Year sale ends Wednesday at midnight.")]
    [InlineData("Go to Sign In > Privacy Policy and turn off auto-renew.")]
    [InlineData("Compare Tesla and Sony for a small business in Amsterdam.")]
    [InlineData("Your gift card balance is shown under Help Center.")]
    [InlineData("Order ORD-77812 totals EUR 1.299,00")]
    [InlineData("DE")]
    [InlineData("approve")]
    [InlineData("mac address: <MAC_ADDRESS>")]
    [InlineData("Hi <PERSON>, your ticket <TICKET_ID> is closed.")]
    [InlineData("Policy POL-55156613 for the insured")]
    [InlineData("ping @here and @channel, mail bob.smith@example.com")]
    public void Scan_CapitalisedNonNames_AreLeftAlone(string text) => Assert.Empty(Names(text));

    [Fact]
    public void Detect_Possessive_ReportsTheNameWithoutTheSuffix()
    {
        var results = new List<PiiMatch>();
        new PersonDetector().Detect("Please update David's shipping address.", results);
        var match = Assert.Single(results);
        Assert.Equal("David", "Please update David's shipping address.".Substring(match.Start, match.Length));
    }

    [Fact]
    public void Detect_WordsInsideOtherEntities_AreNotNames()
    {
        // "maria.garcia@example.com": the e-mail detector owns those words; the name detector must not report them.
        const string text = "write to maria.garcia@example.com please";
        var results = new List<PiiMatch>();
        new PersonDetector().Detect(text, [new PiiMatch(9, 24, EntityTypes.EmailAddress, 0.95)], results);
        Assert.Empty(results);
    }

    [Fact]
    public void Explain_GivenAndFamilyName_AddsThePatternBonus()
    {
        var spans = new PersonDetector().Explain("We met Maria Garcia today.");
        var span = Assert.Single(spans);
        Assert.Equal("Maria Garcia", span.Words);
        Assert.True(span.Points > PersonEvidence.Midpoint + PersonEvidence.GivenThenFamily, $"points {span.Points:0.00}");
    }

    [Fact]
    public void Detect_CleanTextAfterWarmUp_AllocatesNothing()
    {
        var detector = new PersonDetector();
        var results = new List<PiiMatch>();
        const string text = "The model returned an error when the customer asked about the refund policy for the order.";
        for (var i = 0; i < 200; i++)
        {
            detector.Detect(text, results);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            detector.Detect(text, results);
        }

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1000, "the name detector allocates on clean text");
        Assert.Empty(results);
    }
}
