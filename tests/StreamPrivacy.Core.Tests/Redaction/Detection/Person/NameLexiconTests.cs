using StreamPrivacy.Core.Redaction.Detection.Person;

namespace StreamPrivacy.Core.Tests.Redaction.Detection.Person;

public sealed class NameLexiconTests
{
    [Fact]
    public void Shared_LoadsEveryList()
    {
        var lexicon = NameLexicon.Shared;
        Assert.True(lexicon.Count > 200_000, $"only {lexicon.Count} words");
        Assert.True(lexicon.Find("Priya").Has(LexiconFlags.Given));
        Assert.True(lexicon.Find("Okafor").Has(LexiconFlags.Surname));
        Assert.True(lexicon.Find("Monday").Has(LexiconFlags.NonName));
        Assert.True(lexicon.Find("Kafka").Has(LexiconFlags.Brand));
        Assert.True(lexicon.Find("Boston").Has(LexiconFlags.Place));
        Assert.True(lexicon.Find("Mark").Has(LexiconFlags.PopularGiven));
        Assert.Equal(10, lexicon.Find("the").CommonLevel);
        Assert.True(lexicon.Find("the").Has(LexiconFlags.FunctionWord));
    }

    [Theory]
    [InlineData("JOS\u00C9", "jose")]
    [InlineData("Stra\u00DFe", "strasse")]
    [InlineData("O\u2019Brien", "o'brien")]
    [InlineData("\u0141ukasz", "lukasz")]
    public void Fold_CaseAndDiacritics_AreRemoved(string word, string expected)
    {
        Span<char> buffer = stackalloc char[32];
        var length = NameLexicon.Fold(word, buffer);
        Assert.Equal(expected, buffer[..length].ToString());
    }

    [Fact]
    public void Find_AnySpelling_FindsTheFoldedEntry()
    {
        var lexicon = NameLexicon.Create(["Jos\u00E9", "Anh V\u0169"], ["van der Berg"], [], [], []);
        Assert.True(lexicon.Find("JOSE").Has(LexiconFlags.Given));
        Assert.True(lexicon.Find("Vu").Has(LexiconFlags.Given));
        Assert.True(lexicon.Find("Berg").Has(LexiconFlags.Surname));
        Assert.False(lexicon.Find("van").Has(LexiconFlags.Surname)); // a lowercase particle inside a name is not a name
        Assert.Equal(default, lexicon.Find("Nobody"));
    }
}
