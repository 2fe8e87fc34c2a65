using StreamPrivacy.Core.Redaction.Detection;

namespace StreamPrivacy.Core.Tests.Redaction.Detection;

public sealed class CreditCardDetectorTests
{
    private readonly CreditCardDetector _detector = new();

    [Theory]
    [InlineData("card 4111111111111111 on file", "4111111111111111")]
    [InlineData("card 4095-2609-9393-4932.", "4095-2609-9393-4932")]
    [InlineData("paid with 5555 5555 5555 4444, thanks", "5555 5555 5555 4444")]
    [InlineData("amex 3782 822463 10005", "3782 822463 10005")]
    [InlineData("amex 378282246310005", "378282246310005")]
    [InlineData("diners 3056 930902 5904", "3056 930902 5904")]
    [InlineData("discover 6011-1111-1111-1117", "6011-1111-1111-1117")]
    [InlineData("jcb 3530111333300000", "3530111333300000")]
    [InlineData("mc2 2221000000000009", "2221000000000009")]
    [InlineData("unionpay 6212 3456 7890 1232 001", "6212 3456 7890 1232 001")]
    [InlineData("visa13 4222222222222", "4222222222222")]
    [InlineData("jcb15 213112345678904", "213112345678904")]
    [InlineData("jcb15 180012345678905", "180012345678905")]
    [InlineData("ref 12 4111 1111 1111 1111 exp", "4111 1111 1111 1111")]
    public void Detect_LuhnValidCard_ReportsExactSpan(string text, string expected) =>
        DetectorAssert.FindsExactly(_detector, text, expected);

    [Theory]
    [InlineData("card 4111111111111112 declined")]
    [InlineData("card 4111 1111 1111 1112")]
    [InlineData("card 4095-2609-9393-4933")]
    [InlineData("SKU-4532-8876-12")]
    [InlineData("order ORD-4111111111111111")]
    [InlineData("ts 1700000000123")]
    [InlineData("id x4111111111111111")]
    [InlineData("4111-1111 1111-1111")]
    [InlineData("0000 0000 0000 0000")]
    [InlineData("4111-1111-1111-1111-22")]
    [InlineData("price $1,299.99")]
    [InlineData("mobile +4915123099389")]
    [InlineData("ref 6255 7273 4307 7163 760")]
    [InlineData("ref 6304 0185 3660 7262 341")]
    [InlineData("IBAN PT32 0087 3983 3228 7027 5412 4")]
    [InlineData("account IT04 W120 5206 3295 3916 6292 657")]
    public void Detect_LookAlike_ReportsNothing(string text) => DetectorAssert.FindsNothing(_detector, text);

    [Fact]
    public void Detect_GroupedUnknownIssuer_ReportsWithLowerScore()
    {
        // 1234 5678 9012 3452 passes Luhn but no network issues cards starting with 12.
        var matches = DetectorAssert.Run(_detector, "num 1234 5678 9012 3452");
        var match = Assert.Single(matches);
        Assert.True(match.Score < 0.9, "unknown issuer must score below validated issuers");
    }

    [Fact]
    public void Detect_ContiguousUnknownIssuer_ReportsNothing() =>
        DetectorAssert.FindsNothing(_detector, "num 1234567890123452");

    [Fact]
    public void Detect_ThreeFormatsInOneSentence_ReportsEachCard()
    {
        const string Text = "4012888888881881 4012-8888-8888-1881 4012 8888 8888 1881";
        var spans = DetectorAssert.Run(_detector, Text).Select(m => (m.Start, m.Length)).Order();
        Assert.Equal([(0, 16), (17, 19), (37, 19)], spans);
    }
}
