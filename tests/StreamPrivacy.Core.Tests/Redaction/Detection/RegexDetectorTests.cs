using System.Text.RegularExpressions;
using StreamPrivacy.Core.Redaction.Detection;

namespace StreamPrivacy.Core.Tests.Redaction.Detection;

public sealed class RegexDetectorTests
{
    [Fact]
    public void Detect_NoChecksum_ReportsEveryMatchWithTypeAndScore()
    {
        var detector = new RegexDetector("EMPLOYEE_ID", @"\bEMP-\d{6}\b", score: 0.7);
        var matches = DetectorAssert.Run(detector, "EMP-123456 and EMP-654321 but not EMP-12");
        Assert.Equal(2, matches.Count);
        Assert.All(matches, m => Assert.Equal(("EMPLOYEE_ID", 0.7), (m.EntityType, m.Score)));
    }

    [Fact]
    public void Detect_LuhnChecksum_KeepsOnlyValidDigits()
    {
        var detector = new RegexDetector("IMEI", @"\b\d{2}-\d{6}-\d{6}-\d\b", ChecksumKind.Luhn);
        var matches = DetectorAssert.Run(detector, "a 49-015420-323751-8 b 49-015420-323751-9");
        var match = Assert.Single(matches);
        Assert.Equal(2, match.Start);
    }

    [Fact]
    public void Detect_Mod97Checksum_ValidatesIbanArrangement()
    {
        var detector = new RegexDetector("BANK", @"\b[A-Z]{2}\d{2}[A-Z0-9]{11,30}\b", ChecksumKind.Mod97);
        Assert.Single(DetectorAssert.Run(detector, "GB82WEST12345698765432"));
        Assert.Empty(DetectorAssert.Run(detector, "GB83WEST12345698765432"));
    }

    [Fact]
    public void Detect_VerhoeffChecksum_ValidatesAadhaarStyleNumbers()
    {
        var detector = new RegexDetector("IN_AADHAAR", @"\b\d{4} \d{4} \d{4}\b", ChecksumKind.Verhoeff);
        Assert.Single(DetectorAssert.Run(detector, "id 2363 4555 1233"));
        Assert.Empty(DetectorAssert.Run(detector, "id 2363 4555 1234"));
    }

    [Fact]
    public void Detect_CatastrophicPattern_ThrowsTimeoutInsteadOfPassingTextThrough()
    {
        var detector = new RegexDetector("X", "^(a+)+$", matchTimeout: TimeSpan.FromMilliseconds(20));
        Assert.Throws<RegexMatchTimeoutException>(() => DetectorAssert.Run(detector, new string('a', 40) + "!"));
    }

    [Fact]
    public void Constructor_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => new RegexDetector(" ", "x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RegexDetector("X", "x", score: 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RegexDetector("X", "x", (ChecksumKind)42));
        Assert.Throws<RegexParseException>(() => new RegexDetector("X", "("));
    }
}
