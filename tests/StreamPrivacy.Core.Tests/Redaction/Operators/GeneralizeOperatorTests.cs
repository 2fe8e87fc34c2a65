using StreamPrivacy.Core.Redaction.Operators;

namespace StreamPrivacy.Core.Tests.Redaction.Operators;

public sealed class GeneralizeOperatorTests
{
    [Theory]
    [InlineData("34", "[30,40)")]
    [InlineData("30", "[30,40)")]
    [InlineData("39.999", "[30,40)")]
    [InlineData("40", "[40,50)")]
    [InlineData("0", "[0,10)")]
    [InlineData("-0", "[0,10)")]
    [InlineData("-5", "[-10,0)")]
    [InlineData("-10", "[-10,0)")]
    [InlineData(" 42 ", "[40,50)")]
    [InlineData("3.4e1", "[30,40)")]
    public void NumericBucket_Width10_MatchesKnownAnswer(string value, string expected) =>
        Assert.Equal(expected, GeneralizeOperator.NumericBucket(10).Apply(value, "AGE"));

    [Theory]
    [InlineData("0.25", "[0.2,0.3)")]
    [InlineData("0.3", "[0.3,0.4)")]
    [InlineData("-0.05", "[-0.1,0)")]
    public void NumericBucket_DecimalWidth_EdgesAreExact(string value, string expected) =>
        Assert.Equal(expected, GeneralizeOperator.NumericBucket(0.1m).Apply(value, "SCORE"));

    [Theory]
    [InlineData("18", "[18,23)")]
    [InlineData("17", "[13,18)")]
    [InlineData("22.9", "[18,23)")]
    public void NumericBucket_Origin_AlignsBuckets(string value, string expected) =>
        Assert.Equal(expected, GeneralizeOperator.NumericBucket(5, origin: 3).Apply(value, "AGE"));

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1,000")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("12 years")]
    [InlineData("1e400")]
    [InlineData("79228162514264337593543950335")]
    public void NumericBucket_Unparseable_FallsBackToPlaceholder(string value) =>
        Assert.Equal("<AGE>", GeneralizeOperator.NumericBucket(10).Apply(value, "AGE"));

    [Theory]
    [InlineData("2026-11-20T10:42:17.123Z", DateTruncateUnit.Year, "2026")]
    [InlineData("2026-11-20T10:42:17.123Z", DateTruncateUnit.Month, "2026-11")]
    [InlineData("2026-11-20T10:42:17.123Z", DateTruncateUnit.Day, "2026-11-20")]
    [InlineData("2026-11-20T10:42:17.123Z", DateTruncateUnit.Hour, "2026-11-20T10")]
    [InlineData("2026-11-20 10:42", DateTruncateUnit.Hour, "2026-11-20T10")]
    [InlineData("2026-11-20T23:30-05:00", DateTruncateUnit.Day, "2026-11-20")]
    [InlineData("2026-11-20T23:30:00+0530", DateTruncateUnit.Hour, "2026-11-20T23")]
    [InlineData("2026-11-20T10+01", DateTruncateUnit.Hour, "2026-11-20T10")]
    [InlineData("2026-11-20", DateTruncateUnit.Month, "2026-11")]
    [InlineData("2026-11-20", DateTruncateUnit.Day, "2026-11-20")]
    [InlineData("2024-02-29", DateTruncateUnit.Year, "2024")]
    [InlineData("2026-11", DateTruncateUnit.Year, "2026")]
    public void DateTruncate_IsoInput_MatchesKnownAnswer(string value, DateTruncateUnit unit, string expected) =>
        Assert.Equal(expected, GeneralizeOperator.DateTruncate(unit).Apply(value, "DATE_TIME"));

    [Theory]
    [InlineData("")]
    [InlineData("20/11/2026")]
    [InlineData("20261120")]
    [InlineData("2026-13-01")]
    [InlineData("2026-02-29")]
    [InlineData("2026-11-31")]
    [InlineData("2026-11-20T24")]
    [InlineData("2026-11-20T10:60")]
    [InlineData("2026-11-20T10:42:17.")]
    [InlineData("2026-11-20T10:42:17Z trailing")]
    [InlineData("2026-11-20T10:42+25:00")]
    [InlineData("0000-01-01")]
    [InlineData("yesterday")]
    public void DateTruncate_Unparseable_FallsBackToPlaceholder(string value) =>
        Assert.Equal("<DATE_TIME>", GeneralizeOperator.DateTruncate(DateTruncateUnit.Year).Apply(value, "DATE_TIME"));

    [Theory]
    [InlineData("2026", DateTruncateUnit.Month)]
    [InlineData("2026-11", DateTruncateUnit.Day)]
    [InlineData("2026-11-20", DateTruncateUnit.Hour)]
    public void DateTruncate_InputCoarserThanUnit_FallsBackToPlaceholder(string value, DateTruncateUnit unit) =>
        Assert.Equal("<DATE_TIME>", GeneralizeOperator.DateTruncate(unit).Apply(value, "DATE_TIME"));

    [Theory]
    [InlineData("SW1A 1AA", 4, "SW1A")]
    [InlineData("sw1a 1aa", 4, "SW1A")]
    [InlineData("SW1A 1AA", 5, "SW1A1")]
    [InlineData("94107-1234", 3, "941")]
    [InlineData("94107", 3, "941")]
    [InlineData(" 10115 ", 2, "10")]
    public void PostcodeTruncate_MatchesKnownAnswer(string value, int keep, string expected) =>
        Assert.Equal(expected, GeneralizeOperator.PostcodeTruncate(keep).Apply(value, "POSTCODE"));

    [Theory]
    [InlineData("")]
    [InlineData("941")]
    [InlineData("94 1")]
    [InlineData("ABCDEFG")]
    [InlineData("SW1A_1AA")]
    [InlineData("10 Downing Street, London")]
    [InlineData("ＳＷ１Ａ １ＡＡ")]
    public void PostcodeTruncate_UnparseableOrTooShort_FallsBackToPlaceholder(string value) =>
        Assert.Equal("<POSTCODE>", GeneralizeOperator.PostcodeTruncate(3).Apply(value, "POSTCODE"));

    [Fact]
    public void Factories_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GeneralizeOperator.NumericBucket(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => GeneralizeOperator.NumericBucket(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => GeneralizeOperator.PostcodeTruncate(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => GeneralizeOperator.DateTruncate((DateTruncateUnit)42));
    }

    [Fact]
    public void Mode_EachFactory_ReportsItsMode()
    {
        Assert.Equal(GeneralizeMode.NumericBucket, GeneralizeOperator.NumericBucket(1).Mode);
        Assert.Equal(GeneralizeMode.DateTruncate, GeneralizeOperator.DateTruncate(DateTruncateUnit.Day).Mode);
        Assert.Equal(GeneralizeMode.PostcodeTruncate, GeneralizeOperator.PostcodeTruncate(2).Mode);
    }
}
