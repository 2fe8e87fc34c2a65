using StreamPrivacy.Core.Redaction.Detection.Text;

namespace StreamPrivacy.Core.Tests.Redaction.Detection.Text;

public sealed class NormalizedTextTests
{
    [Theory]
    [InlineData("4111\u00A01111", "4111 1111")]          // no-break space
    [InlineData("4111\u2009\u202F1111", "4111  1111")]  // thin and narrow no-break spaces
    [InlineData("4111\u200B1111\u2060", "41111111")]   // zero-width space, word joiner
    [InlineData("53\u00AD6", "536")]                    // soft hyphen
    [InlineData("536\u201322\u20141234\u22125", "536-22-1234-5")] // en dash, em dash, minus sign
    [InlineData("\uFF14\uFF11\uFF11\uFF11", "4111")]    // full-width digits
    [InlineData("user\uFF20example.com", "user@example.com")] // full-width commercial at
    [InlineData("\u0664\u0661\u06F1\u0967", "4111")]    // Arabic-Indic, extended Arabic-Indic, Devanagari digits
    [InlineData("\U0001D7CF\U0001D7D0", "12")]          // mathematical bold digits (surrogate pairs)
    [InlineData("O\u2019Brien\u2019s", "O'Brien's")]    // typographic apostrophes
    [InlineData("\uFB01le", "file")]                    // ligature
    [InlineData("Jose\u0301", "Jose")]                  // combining acute accent is skipped
    [InlineData("caf\u00E9", "caf\u00E9")]               // precomposed letters stay
    [InlineData("a\u2028b", "a\nb")]                    // line separator
    public void Build_HostileForms_GivesAsciiView(string text, string expected)
    {
        var view = new NormalizedText().Build(text);
        Assert.Equal(expected, view.ToString());
    }

    [Fact]
    public void ToOriginal_SpanOverSkippedAndWideCharacters_CoversTheOriginalCharacters()
    {
        // "x 4111<ZWSP>1111 y": the view drops the zero-width space, so a view span of 8 digits is 9 original characters.
        const string text = "x 4111\u200B1111 y";
        var normalized = new NormalizedText();
        var view = normalized.Build(text);
        var start = view.IndexOf("4111", StringComparison.Ordinal);
        var (originalStart, length) = normalized.ToOriginal(start, 8);
        Assert.Equal("4111\u200B1111", text.Substring(originalStart, length));
    }

    [Fact]
    public void ToOriginal_SurrogatePairDigits_MapToBothCodeUnits()
    {
        const string text = "id \U0001D7D3\U0001D7D2 end";
        var normalized = new NormalizedText();
        var view = normalized.Build(text);
        Assert.Equal("id 54 end", view.ToString());
        var (start, length) = normalized.ToOriginal(3, 2);
        Assert.Equal("\U0001D7D3\U0001D7D2", text.Substring(start, length));
    }

    [Theory]
    [InlineData("plain ascii text 123")]
    [InlineData("")]
    public void IsNeeded_AsciiText_False(string text) => Assert.False(NormalizedText.IsNeeded(text));

    [Fact]
    public void IsNeeded_NonAscii_True() => Assert.True(NormalizedText.IsNeeded("caf\u00E9"));
}
