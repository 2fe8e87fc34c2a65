using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Core.Tests.Privacy;

public sealed class PrivacyConversionsTests
{
    [Theory]
    [InlineData(0.5, 1e-6, 5.756521769756932)] // 0.5 + 2·√(0.5·ln 10⁶), python3 math
    [InlineData(1.0, 1e-5, 7.786140424415112)] // 1 + 2·√(ln 10⁵)
    [InlineData(0.0, 1e-5, 0.0)]
    public void ZcdpToEpsilon_KnownAnswers(double rho, double delta, double expected)
    {
        Assert.Equal(expected, PrivacyConversions.ZcdpToEpsilon(rho, delta), 12);
    }

    [Theory]
    [InlineData(0.5, 1e-6, 5.221534455149482)] // dense grid over α in python3 (stdlib math)
    [InlineData(1.0, 1e-5, 7.077196707628437)]
    [InlineData(0.01, 1e-6, 0.6216926545724271)]
    public void ZcdpToEpsilonTight_KnownAnswers_TighterThanBunSteinke(double rho, double delta, double expected)
    {
        var tight = PrivacyConversions.ZcdpToEpsilonTight(rho, delta);
        Assert.Equal(expected, tight, 6);
        Assert.True(tight <= PrivacyConversions.ZcdpToEpsilon(rho, delta));
        Assert.Equal(0.0, PrivacyConversions.ZcdpToEpsilonTight(0, delta));
    }

    [Fact]
    public void PureDpToZcdp_Epsilon_IsHalfSquare()
    {
        Assert.Equal(new Rational(1, 8), PrivacyConversions.PureDpToZcdp(new Rational(1, 2)));
        Assert.Equal(new Rational(2, 1), PrivacyConversions.PureDpToZcdp(2));
    }

    [Fact]
    public void ZcdpToEpsilon_InvalidDelta_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PrivacyConversions.ZcdpToEpsilon(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PrivacyConversions.ZcdpToEpsilon(1, 1));
    }
}
