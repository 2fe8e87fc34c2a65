namespace StreamPrivacy.Ner.Onnx.Tests;

public sealed class LoadTests : IDisposable
{
    private readonly TinyNerModel _model = new TinyNerModel().Token("John", "B-PER").Token("Smith", "I-PER");

    public LoadTests() => _model.Write();

    public void Dispose() => _model.Dispose();

    [Fact]
    public void Load_MissingDirectory_ThrowsDirectoryNotFound()
    {
        var missing = Path.Combine(_model.Directory, "nope");

        var ex = Assert.Throws<DirectoryNotFoundException>(() => Load(missing));

        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("model.onnx")]
    [InlineData("config.json")]
    public void Load_MissingRequiredFile_ThrowsNamingIt(string file)
    {
        File.Delete(Path.Combine(_model.Directory, file));

        var ex = Assert.Throws<FileNotFoundException>(Load);

        Assert.Contains(file, ex.Message, StringComparison.Ordinal);
        Assert.Equal(file, ex.FileName);
    }

    [Fact]
    public void Load_MissingVocabulary_ThrowsNamingBothTokenizerFiles()
    {
        File.Delete(Path.Combine(_model.Directory, "vocab.txt"));

        var ex = Assert.Throws<FileNotFoundException>(Load);

        Assert.Contains("vocab.txt", ex.Message, StringComparison.Ordinal);
        Assert.Contains("tokenizer.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ModelInOnnxSubdirectory_Loads()
    {
        Directory.CreateDirectory(Path.Combine(_model.Directory, "onnx"));
        File.Move(Path.Combine(_model.Directory, "model.onnx"), Path.Combine(_model.Directory, "onnx", "model.onnx"));

        using var detector = Load();

        Assert.Equal("PERSON", detector.EntityType);
    }

    [Fact]
    public void Load_CorruptModel_ThrowsInvalidDataNamingModelFile()
    {
        File.WriteAllText(Path.Combine(_model.Directory, "model.onnx"), "this is not a protobuf model");

        var ex = Assert.Throws<InvalidDataException>(Load);

        Assert.StartsWith("model.onnx", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ not json", "not valid JSON")]
    [InlineData("[]", "not a JSON object")]
    [InlineData("{\"model_type\": \"bert\"}", "no id2label")]
    [InlineData("{\"id2label\": {\"0\": \"O\", \"2\": \"B-PER\"}}", "without gaps")]
    [InlineData("{\"id2label\": {\"zero\": \"O\"}}", "invalid id2label")]
    public void Load_InvalidConfig_ThrowsInvalidDataNamingConfig(string json, string reason)
    {
        File.WriteAllText(Path.Combine(_model.Directory, "config.json"), json);

        var ex = Assert.Throws<InvalidDataException>(Load);

        Assert.StartsWith("config.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LabelCountDiffersFromModel_ThrowsNamingBothFiles()
    {
        File.WriteAllText(Path.Combine(_model.Directory, "config.json"), "{\"id2label\": {\"0\": \"O\", \"1\": \"B-PER\", \"2\": \"I-PER\"}}");

        var ex = Assert.Throws<InvalidDataException>(Load);

        Assert.Contains("model.onnx", ex.Message, StringComparison.Ordinal);
        Assert.Contains("config.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoLabelInEntityMap_ThrowsInsteadOfNeverReporting()
    {
        var ex = Assert.Throws<InvalidDataException>(() => OnnxNerDetector.Load(new OnnxNerOptions
        {
            ModelDirectory = _model.Directory,
            EntityMap = new Dictionary<string, string> { ["ORG"] = "ORGANIZATION" },
        }));

        Assert.Contains("EntityMap", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_VocabularyWithoutSpecialTokens_ThrowsNamingVocab()
    {
        File.WriteAllLines(Path.Combine(_model.Directory, "vocab.txt"), ["John", "Smith", "met"]);

        var ex = Assert.Throws<InvalidDataException>(Load);

        Assert.StartsWith("vocab.txt", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[CLS]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_VocabularyWithDuplicateToken_ThrowsNamingVocab()
    {
        File.AppendAllLines(Path.Combine(_model.Directory, "vocab.txt"), ["John"]);

        var ex = Assert.Throws<InvalidDataException>(Load);

        Assert.StartsWith("vocab.txt", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BpeTokenizerJson_ThrowsNotSupported()
    {
        File.Delete(Path.Combine(_model.Directory, "vocab.txt"));
        File.WriteAllText(Path.Combine(_model.Directory, "tokenizer.json"), "{\"model\": {\"type\": \"BPE\", \"vocab\": {}, \"merges\": []}}");

        var ex = Assert.Throws<NotSupportedException>(Load);

        Assert.StartsWith("tokenizer.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("BPE", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownModelInput_ThrowsNotSupportedNamingIt()
    {
        // A model whose only input is called pixel_values: rename input_ids in the serialized graph (same length).
        var path = Path.Combine(_model.Directory, "model.onnx");
        var bytes = File.ReadAllBytes(path);
        var from = "input_ids"u8.ToArray();
        var to = "pixel_ids"u8.ToArray();
        for (var i = 0; i + from.Length <= bytes.Length; i++)
        {
            if (bytes.AsSpan(i, from.Length).SequenceEqual(from))
            {
                to.CopyTo(bytes, i);
            }
        }

        File.WriteAllBytes(path, bytes);

        var ex = Assert.Throws<NotSupportedException>(Load);

        Assert.Contains("pixel_ids", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.1, null, 64, 1)]
    [InlineData(1.5, null, 64, 1)]
    [InlineData(0.5, 2, 64, 1)]
    [InlineData(0.5, null, -1, 1)]
    [InlineData(0.5, null, 64, -1)]
    public void Load_InvalidOptions_ThrowsArgumentOutOfRange(double minScore, int? maxLength, int stride, int threads)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OnnxNerDetector.Load(new OnnxNerOptions
        {
            ModelDirectory = _model.Directory,
            MinScore = minScore,
            MaxSequenceLength = maxLength,
            Stride = stride,
            IntraOpThreads = threads,
        }));
    }

    [Fact]
    public void Load_EmptyEntityMap_ThrowsArgument()
    {
        Assert.Throws<ArgumentException>(() => OnnxNerDetector.Load(new OnnxNerOptions
        {
            ModelDirectory = _model.Directory,
            EntityMap = new Dictionary<string, string>(),
        }));
    }

    private OnnxNerDetector Load() => Load(_model.Directory);

    private static OnnxNerDetector Load(string directory) => OnnxNerDetector.Load(new OnnxNerOptions { ModelDirectory = directory });
}
