namespace StreamPrivacy.Core.Tests.Drift;

/// <summary>Tolerance assertions for known-answer vectors.</summary>
internal static class Approx
{
    /// <summary>Relative 1e-9, or absolute 1e-12 for expected values near 0.</summary>
    public static void Equal(double? expected, double? actual, string what = "")
    {
        if (expected is null)
        {
            Assert.True(actual is null, $"{what}: expected null, got {actual}");
            return;
        }

        Assert.True(actual is not null, $"{what}: expected {expected}, got null");
        var e = expected.Value;
        var a = actual.Value;
        var tolerance = Math.Abs(e) < 1e-6 ? 1e-12 : 1e-9 * Math.Abs(e);
        Assert.True(Math.Abs(e - a) <= tolerance, $"{what}: expected {e:R}, got {a:R}");
    }
}
