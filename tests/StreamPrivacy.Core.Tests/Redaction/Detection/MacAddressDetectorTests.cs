using System.Text.RegularExpressions;
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

    /// <summary>
    /// The detector's hand-written matcher against the regular expression that states the same rules, on random
    /// strings of hex digits, separators, word characters and spaces (and a planted address in half of them).
    /// </summary>
    [Fact]
    public void Detect_AgreesWithTheReferencePattern_OnRandomText()
    {
        var reference = new Regex(
            @"(?<![0-9A-Za-z_])(?<!(?:^|[^0-9A-Za-z_])[0-9A-Fa-f]{2}[:-])"
            + @"(?:[0-9A-Fa-f]{2}(?<sep>[:-])[0-9A-Fa-f]{2}(?:\k<sep>[0-9A-Fa-f]{2}){4}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})"
            + @"(?![0-9A-Za-z_])(?![:.-][0-9A-Fa-f])",
            RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);
        const string alphabet = "0123456789abcdefABCDEF::--..gG_ x";
        string[] planted = ["00:1B:44:11:3A:B7", "00-1b-44-11-3a-b7", "001b.4411.3ab7", "00:1B-44:11:3A:B7"];
        var random = new Random(20261204);
        var found = 0;
        for (var n = 0; n < 20_000; n++)
        {
            var chars = Enumerable.Range(0, random.Next(10, 48)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray();
            var text = new string(chars);
            if (n % 2 == 0)
            {
                var at = random.Next(text.Length);
                var address = planted[random.Next(planted.Length)];
                text = text[..at] + (n % 4 == 0 ? address : $" {address} ") + text[at..]; // glued to its neighbours, or apart
            }

            var expected = reference.Matches(text).Select(m => (m.Index, m.Length)).ToList();
            var actual = new List<PiiMatch>();
            _detector.Detect(text, actual);
            Assert.Equal(expected, actual.Select(m => (m.Start, m.Length)).ToList());
            found += expected.Count;
        }

        Assert.True(found > 2_000, $"only {found} addresses in the random texts: the comparison says little");
    }
}
