using StreamPrivacy.Ner.Onnx.Tokenization;

namespace StreamPrivacy.Ner.Onnx.Tests;

public sealed class TokenizationTests
{
    [Theory]
    [InlineData(0x00E9, "e")]        // é
    [InlineData(0x00C5, "A")]        // Å
    [InlineData(0x1E69, "s")]        // ṩ: s + dot below + dot above
    [InlineData(0x0419, "\u0418")]   // Й → И
    [InlineData(0xD55C, "\u1112\u1161\u11AB")] // 한 → ᄒ ᅡ ᆫ (NFD jamo)
    [InlineData(0xAC00, "\u1100\u1161")]       // 가: no trailing consonant
    public void Fold_DecomposableCodePoint_ReturnsBaseWithoutMarks(int codePoint, string expected)
    {
        Span<char> buffer = stackalloc char[AccentFolding.MaxFoldedLength];

        var length = AccentFolding.Fold(codePoint, buffer);

        Assert.Equal(expected, buffer[..length].ToString());
    }

    [Theory]
    [InlineData('A')]
    [InlineData(0x00DF)] // ß has no canonical decomposition
    [InlineData(0xFB01)] // ﬁ is a compatibility (not canonical) ligature
    [InlineData(0x4E2D)] // 中
    public void Fold_CodePointWithoutCanonicalDecomposition_ReturnsMinusOne(int codePoint)
    {
        Assert.Equal(-1, AccentFolding.Fold(codePoint, stackalloc char[AccentFolding.MaxFoldedLength]));
    }

    [Fact]
    public void Normalize_WhitespaceAndControls_BecomeSpacesOrVanishWithSourceRanges()
    {
        var normalizer = new BertTextNormalizer(lowerCase: false, stripAccents: false, isolateCjk: true);

        var result = normalizer.Normalize("a\tb\u200Bc\u0000\nd");

        Assert.Equal("a bc d", result.Chars.ToString());
        Assert.Equal([0, 1, 2, 4, 6, 7], Enumerable.Range(0, result.Length).Select(result.SourceStart));
    }

    [Fact]
    public void Normalize_LowercaseStripAccents_MapsEveryCharToItsSource()
    {
        var normalizer = new BertTextNormalizer(lowerCase: true, stripAccents: true, isolateCjk: true);
        const string text = "ÉE\u0301x😀";

        var result = normalizer.Normalize(text);

        Assert.Equal("eex😀", result.Chars.ToString());
        Assert.Equal([(0, 1), (1, 2), (3, 4), (4, 6), (4, 6)], Enumerable.Range(0, result.Length).Select(i => (result.SourceStart(i), result.SourceEnd(i))));
    }

    [Fact]
    public void Normalize_CjkIdeographs_AreIsolated()
    {
        var normalizer = new BertTextNormalizer(lowerCase: false, stripAccents: false, isolateCjk: true);

        Assert.Equal("a 中  文 b", normalizer.Normalize("a中文b").Chars.ToString());
    }

    [Fact]
    public void Normalize_CasedModel_KeepsAccentsAndCase()
    {
        var normalizer = new BertTextNormalizer(lowerCase: false, stripAccents: false, isolateCjk: false);

        Assert.Equal("Émile", normalizer.Normalize("Émile").Chars.ToString());
    }

    [Fact]
    public void PreTokenize_PunctuationAndSymbols_SplitAsBertDoes()
    {
        const string text = "Dr. O'Neil $5 😀x a-b";

        var words = BertWordSplitter.Instance.PreTokenize(text).Select(w => text.Substring(w.Offset, w.Length));

        Assert.Equal(["Dr", ".", "O", "'", "Neil", "$", "5", "😀x", "a", "-", "b"], words);
    }
}
