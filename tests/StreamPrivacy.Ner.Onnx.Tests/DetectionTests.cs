using StreamPrivacy.Core.Redaction.Detection;

namespace StreamPrivacy.Ner.Onnx.Tests;

public sealed class DetectionTests : IDisposable
{
    /// <summary>Softmax probability of a label with logit <see cref="TinyNerModel.Strength"/> among 5 labels.</summary>
    private static readonly double StrongProbability = Math.Exp(TinyNerModel.Strength) / (Math.Exp(TinyNerModel.Strength) + 4);

    private readonly List<TinyNerModel> _models = [];

    public void Dispose()
    {
        foreach (var model in _models)
        {
            model.Dispose();
        }
    }

    [Fact]
    public void Detect_FullName_ReturnsOneSpanWithMeanScore()
    {
        using var detector = StandardModel().Load();
        const string text = "Yesterday John Smith met Mary in Paris.";

        var matches = Detect(detector, text);

        Assert.Equal(["John Smith", "Mary"], Texts(text, matches));
        Assert.All(matches, m => Assert.Equal("PERSON", m.EntityType));
        Assert.All(matches, m => Assert.Equal(StrongProbability, m.Score, 5));
        Assert.Equal("PERSON", detector.EntityType);
    }

    [Fact]
    public void Detect_MultiPieceWord_SpanCoversWordAndTakesFirstPieceLabel()
    {
        using var detector = StandardModel().Load();
        const string text = "hello Bellamy, and Anna Smith.";

        var matches = Detect(detector, text);

        // Bel(I-PER) ##lam(O) ##y(I-PER): the word takes its first piece's label; Ann ##a Smith is one name.
        Assert.Equal(["Bellamy", "Anna Smith"], Texts(text, matches));
    }

    [Fact]
    public void Detect_SurrogatePairsAndAccentsBeforeEntity_OffsetsPointIntoOriginalText()
    {
        using var detector = StandardModel().Load();
        // Format characters (zero-width space, soft hyphen, the ZWJ inside 👩‍💻) and controls are dropped by
        // BERT normalization, so the tokenizer's offsets differ from the original ones after them.
        const string text = "Café 𝒜𝒷 naïve​ 😀👍🏽👩‍💻 (Zo­ë) said: John Smith!";

        var matches = Detect(detector, text);

        var match = Assert.Single(matches);
        Assert.Equal(text.IndexOf("John Smith", StringComparison.Ordinal), match.Start);
        Assert.Equal("John Smith".Length, match.Length);
    }

    [Fact]
    public void Detect_LowercaseModel_MatchesAnyCaseAndStripsAccentsWithOriginalOffsets()
    {
        var model = Track(new TinyNerModel { DoLowerCase = true })
            .Token("emile", "B-PER").Token("zola", "I-PER");
        using var detector = model.Load();
        string[] names = ["ÉMILE ZOLA", "E\u0301mile Zola", "émile zola", "Émile Zola"];

        foreach (var name in names)
        {
            var text = "Then 한국 " + name + " wrote.";
            var match = Assert.Single(Detect(detector, text));
            Assert.Equal(name, text.Substring(match.Start, match.Length));
        }
    }

    [Fact]
    public void Detect_CasedModel_IgnoresLowercasedName()
    {
        using var detector = StandardModel().Load();

        Assert.Empty(Detect(detector, "yesterday john smith met mary."));
    }

    [Fact]
    public void Load_UncasedVocabularyWithoutTokenizerConfig_InfersLowercasing()
    {
        var model = Track(new TinyNerModel { UncasedVocabulary = true }).Token("john", "B-PER").Token("smith", "I-PER");
        using var detector = model.Load();
        const string text = "yesterday JOHN Smith met.";

        Assert.Equal(["JOHN Smith"], Texts(text, Detect(detector, text)));
    }

    [Theory]
    [InlineData(true, true, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, false)]
    [InlineData(true, true, true)]
    [InlineData(false, true, true)]
    public void Detect_ModelInputVariants_GiveSameResult(bool tokenTypeIds, bool attentionMask, bool int32Inputs)
    {
        var model = StandardModel();
        model.TokenTypeIds = tokenTypeIds;
        model.AttentionMask = attentionMask;
        model.Int32Inputs = int32Inputs;
        using var detector = model.Load();
        const string text = "Yesterday John Smith met Mary.";

        Assert.Equal(["John Smith", "Mary"], Texts(text, Detect(detector, text)));
    }

    [Fact]
    public void Detect_FixedLengthModel_PadsEveryWindow()
    {
        var model = StandardModel();
        model.FixedLength = 12;
        using var detector = model.Load();
        var text = string.Join(' ', Enumerable.Repeat("the John Smith met Mary and the", 6));

        var matches = Detect(detector, text);

        Assert.Equal(12, detector.MaxSequenceLength);
        Assert.Equal(12, matches.Count);
        Assert.Equal(ExpectedNames(text), matches.Select(m => (m.Start, m.Length)));
    }

    [Fact]
    public void Detect_LongText_FindsEveryNameOnceAtOriginalOffsets()
    {
        using var detector = StandardModel().Load(o => o with { MaxSequenceLength = 10, Stride = 3 });
        var text = string.Join(" 😀 ", Enumerable.Range(0, 40).Select(i => (i % 3) switch
        {
            0 => "Yesterday John Smith met Mary.",
            1 => "hello, Anna Bellamy said",
            _ => "to the Café in Paris",
        }));

        var matches = Detect(detector, text);

        Assert.Equal(ExpectedNames(text), matches.OrderBy(m => m.Start).Select(m => (m.Start, m.Length)));
    }

    [Fact]
    public void Detect_TextLongerThanDefaultWindow_FindsNamesInEveryWindow()
    {
        using var detector = StandardModel().Load();
        var text = string.Join(' ', Enumerable.Repeat("the John Smith met Mary , and the", 200));

        var matches = Detect(detector, text);

        Assert.Equal(512, detector.MaxSequenceLength);
        Assert.Equal(400, matches.Count);
        Assert.Equal(ExpectedNames(text), matches.OrderBy(m => m.Start).Select(m => (m.Start, m.Length)));
    }

    [Fact]
    public void Detect_NameAtEveryWindowBoundaryPosition_IsOneSpan()
    {
        using var detector = StandardModel().Load(o => o with { MaxSequenceLength = 10, Stride = 2 });

        for (var prefix = 0; prefix < 20; prefix++)
        {
            var text = string.Concat(Enumerable.Repeat("the ", prefix)) + "Anna Bellamy Smith met Mary";
            Assert.Equal(["Anna Bellamy Smith", "Mary"], Texts(text, Detect(detector, text)));
        }
    }

    [Fact]
    public void Detect_OverlappingWindows_EachTokenTakesItsBestContextPrediction()
    {
        var model = StandardModel();
        model.BlindAtWindowEdges = true;
        using var detector = model.Load(o => o with { MaxSequenceLength = 10, Stride = 4 });

        // Windows of 8 text tokens starting every 4: the model misses whatever starts or ends a window, but every
        // token other than the text's first and last is away from the edges of the window it must be taken from.
        for (var prefix = 1; prefix < 20; prefix++)
        {
            var text = string.Concat(Enumerable.Repeat("the ", prefix)) + "John Smith met Mary and Anna Bellamy met";
            var matches = Detect(detector, text);
            Assert.Equal(["John Smith", "Mary", "Anna Bellamy"], Texts(text, matches));
            Assert.All(matches, m => Assert.Equal(StrongProbability, m.Score, 5));
        }
    }

    [Fact]
    public void Detect_InsideTagWithoutBegin_StartsNewEntity()
    {
        using var detector = StandardModel().Load();
        const string text = "hello Smith, and Paris Smith.";

        // I-PER after O, and I-PER after B-LOC (unmapped), each start a PERSON entity.
        Assert.Equal(["Smith", "Smith"], Texts(text, Detect(detector, text)));
    }

    [Fact]
    public void Detect_AdjacentBeginTags_AreSeparateEntities()
    {
        using var detector = StandardModel().Load();
        const string text = "John Mary John Smith";

        Assert.Equal(["John", "Mary", "John Smith"], Texts(text, Detect(detector, text)));
    }

    [Fact]
    public void Detect_Iob1Labels_GroupInsideTagsAndSplitOnBegin()
    {
        var model = Track(new TinyNerModel { Labels = ["O", "I-PER", "B-PER"] })
            .Token("John", "I-PER").Token("Smith", "I-PER").Token("Mary", "B-PER");
        using var detector = model.Load();
        const string text = "John Smith Mary Smith met.";

        Assert.Equal(["John Smith", "Mary Smith"], Texts(text, Detect(detector, text)));
    }

    [Fact]
    public void Detect_BioesLabels_CloseOnEndAndSingle()
    {
        var model = Track(new TinyNerModel { Labels = ["O", "B-PER", "I-PER", "E-PER", "S-PER"] })
            .Token("John", "B-PER").Token("Lee", "I-PER").Token("Smith", "E-PER").Token("Mary", "S-PER");
        using var detector = model.Load();
        const string text = "John Lee Smith Mary Smith Lee met.";

        // E- closes "John Lee Smith"; S- is one word; an E- without B- is an entity of its own; then I- starts one.
        Assert.Equal(["John Lee Smith", "Mary", "Smith", "Lee"], Texts(text, Detect(detector, text)));
    }

    [Fact]
    public void Detect_LabelsWithoutPrefix_GroupLikeInside()
    {
        var model = Track(new TinyNerModel { Labels = ["O", "PER", "LOC"] })
            .Token("John", "PER").Token("Smith", "PER").Token("Paris", "LOC");
        using var detector = model.Load();
        const string text = "John Smith in Paris";

        Assert.Equal(["John Smith"], Texts(text, Detect(detector, text)));
    }

    [Fact]
    public void Detect_MinScore_FiltersOnMeanWordProbability()
    {
        var model = StandardModel().Token("Maybe", "B-PER", strength: 1f);
        var weak = Math.E / (Math.E + 4); // 0.405
        using var strict = model.Load(o => o with { MinScore = 0.5 });
        using var lenient = OnnxNerDetector.Load(new OnnxNerOptions { ModelDirectory = model.Directory, MinScore = 0.4 });

        Assert.Empty(Detect(strict, "hello Maybe said"));
        Assert.Equal(weak, Assert.Single(Detect(lenient, "hello Maybe said")).Score, 5);
        const string text = "hello Maybe Smith said";
        var mean = Assert.Single(Detect(strict, text));
        Assert.Equal("Maybe Smith", text.Substring(mean.Start, mean.Length));
        Assert.Equal((weak + StrongProbability) / 2, mean.Score, 5);
    }

    [Fact]
    public void Detect_SeveralMappedTypes_MatchesCarryTheirOwnType()
    {
        var map = new Dictionary<string, string> { ["PER"] = "PERSON", ["LOC"] = "LOCATION" };
        using var detector = StandardModel().Load(o => o with { EntityMap = map });
        const string text = "John Smith in Paris";

        var matches = Detect(detector, text);

        Assert.Equal([("John Smith", "PERSON"), ("Paris", "LOCATION")], matches.Select(m => (text.Substring(m.Start, m.Length), m.EntityType)));
        Assert.Equal("PERSON", detector.EntityType);
        Assert.Equal(["PERSON", "LOCATION"], detector.EntityTypes);
    }

    [Fact]
    public void Detect_TextWithoutLetters_AddsNothing()
    {
        using var detector = StandardModel().Load();

        Assert.Empty(Detect(detector, "12345 !! 2024-01-01"));
        Assert.Empty(Detect(detector, string.Empty));
    }

    [Fact]
    public void Detect_SpecialTokensTypedInText_AreText()
    {
        using var detector = StandardModel().Load();
        const string text = "[SEP] John Smith [CLS][PAD]";

        Assert.Equal(["John Smith"], Texts(text, Detect(detector, text)));
    }

    [Fact]
    public void Detect_TabsAndNewlines_SeparateWords()
    {
        using var detector = StandardModel().Load();
        const string text = "John\tSmith\nMary\r\nmet";

        Assert.Equal(["John\tSmith", "Mary"], Texts(text, Detect(detector, text)));
    }

    [Fact]
    public void Detect_AppendsWithoutClearingResults()
    {
        using var detector = StandardModel().Load();
        var results = new List<PiiMatch> { new(0, 1, "OTHER", 1) };

        detector.Detect("John met", results);

        Assert.Equal(2, results.Count);
    }

    [Fact]
    public void Detect_ParallelCalls_MatchSequentialResults()
    {
        using var detector = StandardModel().Load(o => o with { MaxSequenceLength = 16, Stride = 4 });
        var texts = Enumerable.Range(0, 12)
            .Select(i => string.Join(' ', Enumerable.Repeat("the John Smith met Mary , hello Anna Bellamy", i + 1)))
            .ToArray();
        var expected = texts.Select(t => Detect(detector, t)).ToArray();

        var actual = new List<PiiMatch>[texts.Length * 8];
        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = Detect(detector, texts[i % texts.Length]));

        for (var i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i % texts.Length], actual[i]);
        }
    }

    [Fact]
    public void Detect_InsideTextScanner_ReturnsResolvedMatches()
    {
        using var detector = StandardModel().Load();
        var scanner = new TextScanner(new IPiiDetector[] { detector }, 0.4);
        const string text = "Yesterday John Smith met Mary.";
        List<PiiMatch> results = [];
        List<PiiMatch> scratch = [];

        scanner.Scan(text, results, scratch);

        Assert.Equal(["John Smith", "Mary"], Texts(text, results));
    }

    [Fact]
    public void Detect_AfterDispose_ThrowsObjectDisposed()
    {
        var detector = StandardModel().Load();
        detector.Dispose();
        detector.Dispose();

        Assert.Throws<ObjectDisposedException>(() => detector.Detect("John", []));
    }

    [Fact]
    public void Load_TokenizerJsonWithoutVocabTxt_Detects()
    {
        var model = StandardModel();
        model.TokenizerJsonOnly = true;
        using var detector = model.Load();
        const string text = "Yesterday John Smith met Anna Bellamy.";

        Assert.False(File.Exists(Path.Combine(model.Directory, "vocab.txt")));
        Assert.Equal(["John Smith", "Anna Bellamy"], Texts(text, Detect(detector, text)));
    }

    [Theory]
    [InlineData(null, 64, 512, 64)]
    [InlineData(128, 64, 128, 63)]
    [InlineData(100000, 8, 512, 8)]
    public void Load_SequenceLengthFromTokenizerConfig_IsCappedAndStrideFits(int? modelMaxLength, int stride, int expectedLength, int expectedStride)
    {
        var model = StandardModel();
        model.ModelMaxLength = modelMaxLength;
        using var detector = model.Load(o => o with { Stride = stride });

        Assert.Equal(expectedLength, detector.MaxSequenceLength);
        Assert.Equal(expectedStride, detector.Stride);
    }

    internal static IEnumerable<(int Start, int Length)> ExpectedNames(string text)
    {
        string[] names = ["John Smith", "Mary", "Anna Bellamy"];
        return names
            .SelectMany(name => AllIndexes(text, name).Select(i => (Start: i, name.Length)))
            .OrderBy(x => x.Start);
    }

    private static IEnumerable<int> AllIndexes(string text, string value)
    {
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            yield return i;
        }
    }

    private static List<PiiMatch> Detect(OnnxNerDetector detector, string text)
    {
        var results = new List<PiiMatch>();
        detector.Detect(text, results);
        return results;
    }

    private static string[] Texts(string text, IEnumerable<PiiMatch> matches) =>
        [.. matches.OrderBy(m => m.Start).Select(m => text.Substring(m.Start, m.Length))];

    private TinyNerModel Track(TinyNerModel model)
    {
        _models.Add(model);
        return model;
    }

    private TinyNerModel StandardModel() => Track(new TinyNerModel())
        .Token("John", "B-PER").Token("Smith", "I-PER").Token("Mary", "B-PER")
        .Token("Ann", "B-PER").Token("##a", "I-PER")
        .Token("Bel", "I-PER").Token("##lam", "O").Token("##y", "I-PER")
        .Token("Lee", "I-PER")
        .Token("Paris", "B-LOC");
}
