using StreamPrivacy.Core.Redaction.Detection;

namespace StreamPrivacy.Core.Tests.Redaction.Detection;

public sealed class MacAddressDetectorTests
{
    private readonly MacAddressDetector _detector = new();

    [Theory]
    [InlineData("mac 00:1B:44:11:3A:B7 seen", "00:1B:44:11:3A:B7")]
    [InlineData("MAC:00:1b:44:11:3a:b7.", "00:1b:44:11:3a:b7")]
    [InlineData("nic 00-1B-44-11-3A-B7,", "00-1B-44-11-3A-B7")]
    [InlineData("cisco 001b.4411.3ab7", "001b.4411.3ab7")]
    public void Detect_Mac_ReportsExactSpan(string text, string expected) =>
        DetectorAssert.FindsExactly(_detector, text, expected);

    [Theory]
    [InlineData("mixed 00:1B-44:11:3A:B7")]
    [InlineData("eui64 00:1B:44:11:3A:B7:00:01")]
    [InlineData("short 00:1B:44:11:3A")]
    [InlineData("uuid 123e4567-e89b-12d3-a456-426614174000")]
    [InlineData("time 10:00:00")]
    [InlineData("ipv6 2001:db8::1")]
    [InlineData("x00:1B:44:11:3A:B7")]
    public void Detect_LookAlike_ReportsNothing(string text) => DetectorAssert.FindsNothing(_detector, text);
}
