using System.Text.RegularExpressions;
using PhoneNumbers;
using StreamPrivacy.Core.Redaction.Detection;

namespace StreamPrivacy.Core.Tests.Redaction.Detection;

public sealed class DigitPatternTests
{
    [Theory]
    [InlineData("")]
    [InlineData("\\d{7}")]
    [InlineData("[2-9]\\d{9}|3\\d{6}")]
    [InlineData("(?:2(?:0[1-35-9]|1[02-9])|3(?:0[1-57-9]))[2-9]\\d{6}")]
    [InlineData("1?(?:\\d{2,3}|4)?5*6+(?:|7)\\d{2,}")]
    [InlineData("(?:0|(1))[\\d]{0,2}(?:89){1,3}")]
    [InlineData("(?:1?|2[3-5]|\\d{0}|(?:4|)6)(?:7|8?){2}[0-2]")]
    [InlineData("(?:2(?:0[1-3]|1)|3|(?:|9)\\d)(?:[5-7]\\d|8(?:0|1{0,2}))?\\d{1,2}")]
    public void IsMatch_AgreesWithRegexWholeMatch(string pattern)
    {
        var regex = new Regex("^(?:" + pattern + ")$", RegexOptions.CultureInvariant);
        var digits = DigitPattern.Parse(pattern);
        var random = new Random(pattern.Length);
        for (var i = 0; i < 20_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 14)).Select(_ => (char)('0' + random.Next(10))));
            Assert.True(regex.IsMatch(text) == digits.IsMatch(text), $"{pattern} on {text}");
        }
    }

    [Theory]
    [InlineData("\\d{3,2}")]
    [InlineData("[^0]")]
    [InlineData("(?=1)1")]
    [InlineData("\\d+?")]
    [InlineData("a")]
    [InlineData("(1")]
    [InlineData("1)")]
    [InlineData("1{2}{3}")]
    [InlineData(".")]
    public void Parse_OutsideTheDigitSubset_Throws(string pattern) =>
        Assert.Throws<NotSupportedException>(() => DigitPattern.Parse(pattern));

    [Fact]
    public void IsMatch_NotDigitsOrTooLong_IsUndecided()
    {
        var pattern = DigitPattern.Parse("\\d*");
        Assert.Null(pattern.IsMatch("12a"));
        Assert.Null(pattern.IsMatch(new string('1', 64)));
        Assert.True(pattern.IsMatch(new string('1', 63)));
    }

    [Fact]
    public void EveryLibphonenumberNationalPattern_ParsesAndAgreesWithRegex()
    {
        var util = PhoneNumberUtil.GetInstance();
        var random = new Random(7);
        var patterns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var region in util.GetSupportedRegions())
        {
            var m = util.GetMetadataForRegion(region);
            foreach (var desc in new[] { m.GeneralDesc, m.PremiumRate, m.TollFree, m.SharedCost, m.Voip, m.PersonalNumber, m.Pager, m.Uan, m.Voicemail, m.FixedLine, m.Mobile })
            {
                if (desc.HasNationalNumberPattern)
                {
                    patterns.Add(desc.NationalNumberPattern);
                }
            }
        }

        Assert.True(patterns.Count > 1_000);
        foreach (var pattern in patterns)
        {
            var regex = new Regex("^(?:" + pattern + ")$", RegexOptions.CultureInvariant);
            var digits = DigitPattern.Parse(pattern);
            for (var i = 0; i < 40; i++)
            {
                var text = string.Concat(Enumerable.Range(0, random.Next(4, 13)).Select(_ => (char)('0' + random.Next(10))));
                Assert.True(regex.IsMatch(text) == digits.IsMatch(text), $"{pattern} on {text}");
            }
        }
    }
}
