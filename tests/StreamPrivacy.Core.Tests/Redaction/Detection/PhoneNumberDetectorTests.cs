using StreamPrivacy.Core.Redaction.Detection;

namespace StreamPrivacy.Core.Tests.Redaction.Detection;

public sealed class PhoneNumberDetectorTests
{
    private readonly PhoneNumberDetector _detector = new();

    [Theory]
    [InlineData("My phone is 212-555-5555", "212-555-5555")]
    [InlineData("call (415) 555-2671 now", "(415) 555-2671")]
    [InlineData("call 415.555.2671.", "415.555.2671")]
    [InlineData("call +1 415 555 2671", "+1 415 555 2671")]
    [InlineData("call 1-800-555-0199 free", "1-800-555-0199")]
    [InlineData("London +44 20 7946 0958", "+44 20 7946 0958")]
    [InlineData("London 020 7946 0958", "020 7946 0958")]
    [InlineData("Berlin 030 1234567", "030 1234567")]
    [InlineData("Berlin +49 30 1234567", "+49 30 1234567")]
    [InlineData("Paris 01 42 68 53 00", "01 42 68 53 00")]
    [InlineData("Paris +33 1 42 68 53 00", "+33 1 42 68 53 00")]
    [InlineData("Mumbai 098765 43210", "098765 43210")]
    [InlineData("Mumbai +91 98765 43210", "+91 98765 43210")]
    [InlineData("intl 0044 20 7946 0958", "0044 20 7946 0958")]
    [InlineData("2026-11-20 415-555-2671", "415-555-2671")]
    [InlineData("Berlin 030/1234567", "030/1234567")]
    [InlineData("desk 415-555-2671x1234.", "415-555-2671x1234")]
    [InlineData("desk (415)555-2671 ext. 12", "(415)555-2671 ext. 12")]
    [InlineData("intl 001-415-555-2671x123", "001-415-555-2671x123")]
    public void Detect_Number_ReportsExactSpan(string text, string expected) =>
        DetectorAssert.FindsExactly(_detector, text, expected);

    [Theory]
    [InlineData("date 2026-11-20 and 20/11/2026")]
    [InlineData("ts 1700000000123")]
    [InlineData("ts 1700000000")]
    [InlineData("card 4111 1111 1111 1112")]
    [InlineData("card 4095-2609-9393-4933")]
    [InlineData("ssn 666-12-3456")]
    [InlineData("ssn 000-12-3456")]
    [InlineData("ip 192.168.100.201")]
    [InlineData("SKU-4532-8876-12")]
    [InlineData("order 12345678")]
    [InlineData("IBAN GB83 WEST 1234 5698 7654 32")]
    [InlineData("uuid 123e4567-e89b-12d3-a456-426614174000")]
    [InlineData("price $1,299.99 or EUR 1.299,00")]
    public void Detect_LookAlike_ReportsNothing(string text) => DetectorAssert.FindsNothing(_detector, text);

    [Fact]
    public void Constructor_UnknownRegion_Throws() =>
        Assert.Throws<ArgumentException>(() => new PhoneNumberDetector(["ZZ"]));

    [Fact]
    public void Detect_RegionRestrictedToUs_IgnoresGermanNationalFormat()
    {
        var usOnly = new PhoneNumberDetector(["US"]);
        DetectorAssert.FindsNothing(usOnly, "Berlin 030 1234567");
    }

    [Fact]
    public void Detect_InternationalNumberWithNonMatchingRegion_StillReports()
    {
        var germanOnly = new PhoneNumberDetector(["DE"]);
        DetectorAssert.FindsExactly(germanOnly, "London +44 20 7946 0958", "+44 20 7946 0958");
        DetectorAssert.FindsExactly(germanOnly, "London 0044 20 7946 0958", "0044 20 7946 0958");
    }

    [Fact]
    public void Detect_InternationalNumber_ScoresBelowChecksumTypes()
    {
        var match = Assert.Single(DetectorAssert.Run(_detector, "+44 20 7946 0958"));
        Assert.InRange(match.Score, 0.5, 0.8);
    }

    [Fact]
    public void Detect_InternationalNumberOutsideKnownRanges_ReportsWithLowerScore()
    {
        var match = Assert.Single(DetectorAssert.Run(_detector, "Israel +972-54-123-4567"));
        Assert.Equal((7, 16), (match.Start, match.Length));
        Assert.True(match.Score < 0.5, "unvalidated international numbers must score below validated ones");
    }

    [Theory]
    [InlineData("nic=0837.8342.ec6f.")]
    [InlineData("device 04-42-35-83-A1-6A")]
    [InlineData("at 06-04-2005 03:22 UTC")]
    [InlineData("id 644-55-4450-1")]
    [InlineData("IBAN NL08 WVRK 4044 1009 32")]
    [InlineData("my ssn is 026731959")]
    [InlineData("score 0.9876543")]
    [InlineData("id 213-39-4083-1")]
    [InlineData("epoch 1601636390")]
    [InlineData("(my ssn is 064563110)")]
    [InlineData("hw addr 04-75-08-46-79-01")]
    [InlineData("hw addr 0936.6828.3133")]
    [InlineData("2026-11-20 10:00:00")]
    public void Detect_FragmentOfOtherData_ReportsNothing(string text) => DetectorAssert.FindsNothing(_detector, text);

    [Theory]
    [InlineData("call (555) 123-4567", "(555) 123-4567")]
    [InlineData("call 555-123-4567.", "555-123-4567")]
    public void Detect_UnassignedNanpRangeInPhoneLayout_ReportsWithLowerScore(string text, string expected)
    {
        DetectorAssert.FindsExactly(_detector, text, expected);
        Assert.True(DetectorAssert.Run(_detector, text)[0].Score < 0.5, "possible-only numbers must score below validated ones");
    }

    [Theory]
    [InlineData("id 5551234567")]
    [InlineData("SKU 123-456-7890")]
    public void Detect_UnassignedNanpWithoutLayout_ReportsNothing(string text) => DetectorAssert.FindsNothing(_detector, text);
}
