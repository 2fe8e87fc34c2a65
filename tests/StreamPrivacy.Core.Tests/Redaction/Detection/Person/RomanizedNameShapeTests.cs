using StreamPrivacy.Core.Redaction.Detection.Person;

namespace StreamPrivacy.Core.Tests.Redaction.Detection.Person;

public sealed class RomanizedNameShapeTests
{
    [Theory]
    [InlineData("Ryohei")]
    [InlineData("Wakamatsu")]
    [InlineData("Hattori")]
    [InlineData("Gyeongsuk")]
    [InlineData("Eunjeong")]
    [InlineData("Xiaoming")]
    [InlineData("Zhangwei")]
    public void Matches_RomanisedEastAsianNames_True(string word) => Assert.True(RomanizedNameShape.Matches(word));

    [Theory]
    [InlineData("Excel")]
    [InlineData("Kubernetes")]
    [InlineData("Strength")]
    [InlineData("Wei")]        // one syllable: too short to say
    [InlineData("Dr4ke")]
    public void Matches_OtherWords_False(string word) => Assert.False(RomanizedNameShape.Matches(word));
}
