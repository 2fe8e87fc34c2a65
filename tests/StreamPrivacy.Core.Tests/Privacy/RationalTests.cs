using System.Numerics;
using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Core.Tests.Privacy;

public sealed class RationalTests
{
    [Fact]
    public void Constructor_NonNormalised_ReducesAndMovesSignToNumerator()
    {
        var value = new Rational(6, -4);
        Assert.Equal(new BigInteger(-3), value.Numerator);
        Assert.Equal(new BigInteger(2), value.Denominator);
        Assert.Equal(Rational.Zero, new Rational(0, 5));
        Assert.Equal(BigInteger.One, default(Rational).Denominator);
    }

    [Fact]
    public void Arithmetic_TenthsSummedTenTimes_IsExactlyOne()
    {
        var sum = Rational.Zero;
        for (var i = 0; i < 10; i++)
        {
            sum += Rational.FromDecimal(0.1m);
        }

        Assert.Equal(Rational.One, sum);
    }

    [Fact]
    public void FromDouble_PointOne_IsExactBinaryValue()
    {
        // 0.1 as a double is 3602879701896397 / 2^55.
        Assert.Equal(new Rational(3602879701896397, BigInteger.One << 55), Rational.FromDouble(0.1));
        Assert.Equal(new Rational(3, 4), Rational.FromDouble(0.75));
        Assert.Equal(new Rational(-1536, 1), Rational.FromDouble(-1536.0));
        Assert.Equal(new Rational(1, BigInteger.One << 1074), Rational.FromDouble(double.Epsilon));
    }

    [Fact]
    public void FromDecimal_Value_IsExact()
    {
        Assert.Equal(new Rational(-1, 8), Rational.FromDecimal(-0.125m));
        Assert.Equal(new Rational(123456789, 1000), Rational.FromDecimal(123456.789m));
    }

    [Theory]
    [InlineData("3/4", 3, 4)]
    [InlineData("0.25", 1, 4)]
    [InlineData("-2", -2, 1)]
    [InlineData("10/-4", -5, 2)]
    public void Parse_Text_ExactValue(string text, long numerator, long denominator)
    {
        Assert.Equal(new Rational(numerator, denominator), Rational.Parse(text));
    }

    [Fact]
    public void ToString_RoundTripsThroughParse()
    {
        var value = new Rational(-7, 3);
        Assert.Equal("-7/3", value.ToString());
        Assert.Equal(value, Rational.Parse(value.ToString()));
    }

    [Fact]
    public void FloorAndCeiling_NegativeValue_RoundTowardInfinities()
    {
        Assert.Equal(new BigInteger(-3), new Rational(-5, 2).Floor());
        Assert.Equal(new BigInteger(-2), new Rational(-5, 2).Ceiling());
        Assert.Equal(new BigInteger(2), new Rational(5, 2).Floor());
    }

    [Fact]
    public void Comparison_CrossMultiplies()
    {
        Assert.True(new Rational(1, 3) < new Rational(34, 100));
        Assert.True(new Rational(-1, 2) < Rational.Zero);
        Assert.Equal(1.0 / 3, new Rational(1, 3).ToDouble(), 15);
    }
}
