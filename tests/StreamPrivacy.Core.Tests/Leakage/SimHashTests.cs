using StreamPrivacy.Core.Leakage;

namespace StreamPrivacy.Core.Tests.Leakage;

public sealed class SimHashTests
{
    [Fact]
    public void Of_NearDuplicatePrompts_AreWithinTheNearDuplicateDistance()
    {
        var a = SimHash.Of("what is the credit limit for account holders with income above fifty thousand");
        var b = SimHash.Of("what is the credit limit for account holders with income above sixty thousand");
        var c = SimHash.Of("summarise the weather in lisbon tomorrow afternoon please");
        Assert.True(SimHash.Distance(a, b) <= SimHash.NearDuplicateDistance, $"distance {SimHash.Distance(a, b)}");
        Assert.True(SimHash.Distance(a, c) > SimHash.NearDuplicateDistance, $"distance {SimHash.Distance(a, c)}");
        Assert.Equal(a, SimHash.Of("what is the credit limit for account holders with income above fifty thousand"));
    }

    [Fact]
    public void Of_EmptyText_IsZero() => Assert.Equal(0UL, SimHash.Of(string.Empty));
}
