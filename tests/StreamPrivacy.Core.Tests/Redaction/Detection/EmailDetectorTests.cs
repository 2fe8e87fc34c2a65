using StreamPrivacy.Core.Redaction.Detection;

namespace StreamPrivacy.Core.Tests.Redaction.Detection;

public sealed class EmailDetectorTests
{
    private readonly EmailDetector _detector = new();

    [Theory]
    [InlineData("Contact john.doe@example.com for details.", "john.doe@example.com")]
    [InlineData("mail: Jane_O'Neil+tag@mail.example.co.uk.", "Jane_O'Neil+tag@mail.example.co.uk")]
    [InlineData("<first-last@sub-domain.example.org>", "first-last@sub-domain.example.org")]
    [InlineData("mailto:ops123@corp.io?subject=x", "ops123@corp.io")]
    [InlineData("\"a.b.c@d-e.museum\",", "a.b.c@d-e.museum")]
    [InlineData("USER%X@EXAMPLE.COM", "USER%X@EXAMPLE.COM")]
    public void Detect_ValidAddress_ReportsExactSpan(string text, string expected) =>
        DetectorAssert.FindsExactly(_detector, text, expected);

    [Theory]
    [InlineData("no at sign here")]
    [InlineData("twitter handle @someone today")]
    [InlineData("user@localhost is not routable")]
    [InlineData("bad@domain.c1")]
    [InlineData("bad@-domain.com")]
    [InlineData("bad@domain-.com")]
    [InlineData(".@example.com")]
    [InlineData("trail.@example.com")]
    [InlineData("pkg@1.2.3 version pin")]
    [InlineData("git@host:repo")]
    public void Detect_NotAnAddress_ReportsNothing(string text) => DetectorAssert.FindsNothing(_detector, text);

    [Fact]
    public void Detect_DoubledDotInLocalPart_KeepsOnlyTheValidTail()
    {
        DetectorAssert.FindsExactly(_detector, "x..john@example.com", "john@example.com");
    }

    [Fact]
    public void Detect_TwoAddresses_ReportsBoth()
    {
        var matches = DetectorAssert.Run(_detector, "a@example.com, b@example.org");
        Assert.Equal(2, matches.Count);
    }
}
