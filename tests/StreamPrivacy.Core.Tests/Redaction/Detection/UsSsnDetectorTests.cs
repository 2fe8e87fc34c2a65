using StreamPrivacy.Core.Redaction.Detection;

namespace StreamPrivacy.Core.Tests.Redaction.Detection;

public sealed class UsSsnDetectorTests
{
    private readonly UsSsnDetector _detector = new();

    [Theory]
    [InlineData("my ssn is 536-22-1234.", "536-22-1234")]
    [InlineData("SSN 536 22 1234", "536 22 1234")]
    [InlineData("Social Security Number: 536221234", "536221234")]
    [InlineData("ssn#536221234;", "536221234")]
    [InlineData("(078-05-1121)", "078-05-1121")]
    [InlineData("ssn 078.05.1123.", "078.05.1123")]
    public void Detect_ValidSsn_ReportsExactSpan(string text, string expected) =>
        DetectorAssert.FindsExactly(_detector, text, expected);

    [Theory]
    [InlineData("ssn 000-12-3456")]
    [InlineData("ssn 666-12-3456")]
    [InlineData("ssn 900-12-3456")]
    [InlineData("ssn 999-12-3456")]
    [InlineData("ssn 536-00-1234")]
    [InlineData("ssn 536-22-0000")]
    [InlineData("ssn 078-05-1120")]
    [InlineData("ssn 219-09-9999")]
    [InlineData("ssn 123-45-6789")]
    [InlineData("ssn 111-11-1111")]
    [InlineData("order 536221234 shipped")]
    [InlineData("ssn 536-22 1234")]
    [InlineData("ssn 536.22-1234")]
    [InlineData("SKU-536-22-1234")]
    [InlineData("536-22-1234-5")]
    [InlineData("ssn 5362212345")]
    public void Detect_InvalidOrContextless_ReportsNothing(string text) => DetectorAssert.FindsNothing(_detector, text);
}
