using StreamPrivacy.Core.Redaction.Operators;

namespace StreamPrivacy.Core.Tests.Redaction.Operators;

public sealed class MaskOperatorTests
{
    // Expected values follow Presidio's Mask operator on Python str (code points):
    // text[:start] + masking_char * n + text[start + n:], n = min(chars_to_mask, len(text)),
    // start = len(text) - n when from_end else 0.
    [Theory]
    [InlineData("4111-1111-1111-1111", '*', 4, false, "****-1111-1111-1111")]
    [InlineData("4111-1111-1111-1111", '*', 4, true, "4111-1111-1111-****")]
    [InlineData("4111-1111-1111-1111", '#', 15, true, "4111###############")]
    [InlineData("212-555-1234", '*', 12, true, "************")]
    [InlineData("abc", '*', 5, false, "***")]
    [InlineData("abc", '*', 5, true, "***")]
    [InlineData("abc", '*', int.MaxValue, false, "***")]
    [InlineData("abc", '*', 3, true, "***")]
    [InlineData("", '*', 4, false, "")]
    [InlineData("", '*', 4, true, "")]
    public void Apply_PresidioSemantics_MatchesKnownAnswer(string value, char maskingChar, int charsToMask, bool fromEnd, string expected) =>
        Assert.Equal(expected, new MaskOperator(maskingChar, charsToMask, fromEnd).Apply(value, "CREDIT_CARD"));

    [Fact]
    public void Apply_Default_MasksEverything() =>
        Assert.Equal("*****************", new MaskOperator().Apply("alice@example.com", "EMAIL_ADDRESS"));

    [Theory]
    [InlineData(2, false, "**b")]
    [InlineData(1, true, "a\U0001F600*")]
    [InlineData(2, true, "a**")]
    [InlineData(1, false, "*\U0001F600b")]
    [InlineData(9, false, "***")]
    public void Apply_SurrogatePair_CountsAsOneCharacterAndIsNeverSplit(int charsToMask, bool fromEnd, string expected)
    {
        // "a😀b" is 4 UTF-16 code units but 3 code points (Python len == 3).
        var output = new MaskOperator('*', charsToMask, fromEnd).Apply("a\U0001F600b", "PERSON");
        Assert.Equal(expected, output);
        Assert.False(HasLoneSurrogate(output));
    }

    [Fact]
    public void Apply_LoneSurrogate_CountsAsOneCharacter() =>
        Assert.Equal("**c", new MaskOperator('*', 2).Apply("\uD800bc", "X"));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_CharsToMaskBelowOne_Throws(int charsToMask) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MaskOperator('*', charsToMask));

    [Fact]
    public void Constructor_SurrogateMaskingChar_Throws() =>
        Assert.Throws<ArgumentException>(() => new MaskOperator('\uD83D'));

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
