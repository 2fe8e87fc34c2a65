using StreamPrivacy.Core.Leakage;
using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Core.Tests.Leakage;

public sealed class CanarySetTests
{
    private static readonly SecretKey Key = new(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(), "canary-test");

    [Fact]
    public void CountHits_RegisteredCanaryInsideText_IsFoundOnceEachTime()
    {
        var set = CanarySet.FromCanaries(Key, ["zebra-quartz-7731", "MOONLIGHT-0042"]);
        Assert.Equal(1, set.CountHits("the model said zebra-quartz-7731 out of nowhere"));
        Assert.Equal(2, set.CountHits("MOONLIGHT-0042 and again MOONLIGHT-0042"));
        Assert.Equal(0, set.CountHits("zebra-quartz-7732 is not it"));
        Assert.Equal(0, set.CountHits(string.Empty));
    }

    [Fact]
    public void StoredEntries_HoldNoCanaryText_AndRoundTripThroughTheFileFormat()
    {
        var set = CanarySet.FromCanaries(Key, ["zebra-quartz-7731"]);
        var lines = set.ToLines();
        Assert.DoesNotContain(lines, l => l.Contains("zebra", StringComparison.Ordinal));
        var loaded = CanarySet.FromLines(Key, lines);
        Assert.Equal(1, loaded.CountHits("xx zebra-quartz-7731 yy"));
    }

    [Fact]
    public void FromLines_AnotherKey_FindsNothing()
    {
        var lines = CanarySet.FromCanaries(Key, ["zebra-quartz-7731"]).ToLines();
        var other = new SecretKey(new byte[32], "other");
        Assert.Equal(0, CanarySet.FromLines(other, lines).CountHits("zebra-quartz-7731"));
    }

    [Fact]
    public void FromLines_MalformedLine_ThrowsWithLineNumber()
    {
        var ex = Assert.Throws<FormatException>(() => CanarySet.FromLines(Key, ["v1:12:zz"]));
        Assert.Contains("line 1", ex.Message, StringComparison.Ordinal);
    }
}
