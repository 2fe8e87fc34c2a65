using StreamPrivacy.Core.Redaction.Detection;

namespace StreamPrivacy.Core.Tests.Redaction.Detection;

public sealed class DictionaryDetectorTests
{
    [Fact]
    public void Detect_CaseInsensitiveWholeWord_ReportsTermsAtWordBoundaries()
    {
        var detector = new DictionaryDetector("PROJECT", ["Falcon", "Blue Harbor"]);
        var matches = DetectorAssert.Run(detector, "falcon and BLUE HARBOR, not falconry or Harbor");
        Assert.Equal([(0, 6), (11, 11)], matches.Select(m => (m.Start, m.Length)));
        Assert.All(matches, m => Assert.Equal("PROJECT", m.EntityType));
    }

    [Fact]
    public void Detect_CaseSensitive_IgnoresOtherCasing()
    {
        var detector = new DictionaryDetector("HOST", ["db-prod-01"], caseSensitive: true);
        Assert.Single(DetectorAssert.Run(detector, "ping db-prod-01 now"));
        Assert.Empty(DetectorAssert.Run(detector, "ping DB-PROD-01 now"));
    }

    [Fact]
    public void Detect_SubstringMode_ReportsInsideWords()
    {
        var detector = new DictionaryDetector("CODE", ["falcon"], wholeWord: false);
        Assert.Single(DetectorAssert.Run(detector, "falconry"));
    }

    [Fact]
    public void Detect_OverlappingTerms_PrefersLongestAtEachPosition()
    {
        var detector = new DictionaryDetector("NAME", ["Ann", "Ann Lee", "Lee"]);
        var matches = DetectorAssert.Run(detector, "Ann Lee called");
        Assert.Equal([(0, 7), (4, 3)], matches.Select(m => (m.Start, m.Length)));
    }

    [Fact]
    public void Detect_LongerTermFailsBoundary_FallsBackToShorterTerm()
    {
        var detector = new DictionaryDetector("NAME", ["Ann", "Anna"]);
        var match = Assert.Single(DetectorAssert.Run(detector, "Ann, Annabel"));
        Assert.Equal((0, 3), (match.Start, match.Length));
    }

    [Fact]
    public void Constructor_NoUsableTerms_Throws() =>
        Assert.Throws<ArgumentException>(() => new DictionaryDetector("X", ["", "  "]));

    [Fact]
    public void Detect_LargeDictionary_FindsTermsByBucket()
    {
        var terms = Enumerable.Range(0, 10_000).Select(i => $"term{i:00000}").Append("Élodie").ToArray();
        var detector = new DictionaryDetector("NAME", terms);
        var matches = DetectorAssert.Run(detector, "saw TERM04242 and élodie, not term4242x");
        Assert.Equal([(4, 9), (18, 6)], matches.Select(m => (m.Start, m.Length)));
    }
}
