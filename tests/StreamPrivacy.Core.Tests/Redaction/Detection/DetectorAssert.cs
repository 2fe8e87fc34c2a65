using StreamPrivacy.Core.Redaction.Detection;

namespace StreamPrivacy.Core.Tests.Redaction.Detection;

/// <summary>Runs a detector and compares reported spans; failure messages name types and counts, not values.</summary>
internal static class DetectorAssert
{
    public static List<PiiMatch> Run(IPiiDetector detector, string text)
    {
        var results = new List<PiiMatch>();
        detector.Detect(text, results);
        return results;
    }

    /// <summary>Asserts exactly one match of the detector's type and that it covers <paramref name="expected"/> exactly.</summary>
    public static void FindsExactly(IPiiDetector detector, string text, string expected)
    {
        var matches = Run(detector, text);
        int start = text.IndexOf(expected, StringComparison.Ordinal);
        Assert.True(start >= 0, "test data: expected value must occur in the text");
        Assert.True(matches.Count == 1, $"{detector.EntityType}: expected 1 match, got {matches.Count}");
        Assert.True(matches[0].EntityType == detector.EntityType, "entity type");
        Assert.True(matches[0].Start == start && matches[0].Length == expected.Length,
            $"{detector.EntityType}: span [{matches[0].Start},{matches[0].End}) instead of [{start},{start + expected.Length})");
    }

    public static void FindsNothing(IPiiDetector detector, string text)
    {
        var matches = Run(detector, text);
        Assert.True(matches.Count == 0, $"{detector.EntityType}: expected no match on a look-alike, got {matches.Count}");
    }
}
