using StreamPrivacy.Core.Redaction.Detection;

namespace StreamPrivacy.Core.Tests.Redaction.Detection;

public sealed class IpAddressDetectorTests
{
    private readonly IpAddressDetector _detector = new();

    [Theory]
    [InlineData("from 192.168.0.1 today", "192.168.0.1")]
    [InlineData("host 10.0.0.255:8080", "10.0.0.255")]
    [InlineData("ends with 8.8.8.8.", "8.8.8.8")]
    [InlineData("v6 2001:db8::1 ok", "2001:db8::1")]
    [InlineData("full 2001:0db8:85a3:0000:0000:8a2e:0370:7334", "2001:0db8:85a3:0000:0000:8a2e:0370:7334")]
    [InlineData("mapped ::ffff:192.0.2.128,", "::ffff:192.0.2.128")]
    [InlineData("link fe80::1ff:fe23:4567:890a%eth0 up", "fe80::1ff:fe23:4567:890a%eth0")]
    [InlineData("url http://[2001:db8::7]:443/", "2001:db8::7")]
    [InlineData("ip:2001:db8:0:0:1:0:0:1.", "2001:db8:0:0:1:0:0:1")]
    [InlineData("loopback ::1", "::1")]
    [InlineData("listening on :: port 80", "::")]
    public void Detect_Address_ReportsExactSpan(string text, string expected)
    {
        var matches = DetectorAssert.Run(_detector, text);
        int start = text.IndexOf(expected, StringComparison.Ordinal);
        Assert.Contains(matches, m => m.Start == start && m.Length == expected.Length);
    }

    [Theory]
    [InlineData("version 1.2.3")]
    [InlineData("build 1.2.3.4.5")]
    [InlineData("release v2.10.4.1")]
    [InlineData("v10.2.1.3")]
    [InlineData("version 10.2.1.3")]
    [InlineData("Version: 4.1.0.2")]
    [InlineData("octets 256.1.1.1")]
    [InlineData("zero padded 010.001.002.003")]
    [InlineData("time 10:00:00")]
    [InlineData("uuid 123e4567-e89b-12d3-a456-426614174000")]
    [InlineData("C++ std::vector and a::b")]
    [InlineData("mac 00:1B:44:11:3A:B7")]
    [InlineData("date 20.11.2026")]
    [InlineData("price EUR 1.299,00")]
    public void Detect_LookAlike_ReportsNothing(string text) => DetectorAssert.FindsNothing(_detector, text);
}
