using System.Text.Json;
using StreamPrivacy.Ner.Onnx.Tests.Onnx;

namespace StreamPrivacy.Ner.Onnx.Tests;

/// <summary>
/// Writes a Hugging Face-style token-classification export (model.onnx, config.json, vocab.txt, …) to a
/// temporary directory. The model is a lookup table: each vocabulary token has one label with a high logit
/// (<see cref="Strength"/> over the others' 0), so every token tags deterministically.
/// </summary>
internal sealed class TinyNerModel : IDisposable
{
    /// <summary>Logit given to a token's label by default: p = e⁶ / (e⁶ + labels − 1) ≈ 0.99 with 5 labels.</summary>
    public const float Strength = 6f;

    public static readonly string[] DefaultLabels = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"];

    private static readonly string[] SpecialTokens = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"];

    private static readonly string[] Filler =
        ["met", "in", "and", "the", "said", "to", "a", "with", "hello", "visited", "yesterday", "Yesterday", "Then", "wrote", ".", ",", ":", "!", "?", "'", "(", ")", "[", "]"];

    private readonly List<(string Token, string Label, float Strength)> _tokens = [];

    public TinyNerModel()
    {
        Directory = Path.Combine(Path.GetTempPath(), "tiny-ner-" + Guid.NewGuid().ToString("N"));
    }

    public string Directory { get; }

    public string[] Labels { get; set; } = DefaultLabels;

    /// <summary>Writes tokenizer_config.json with this do_lower_case (null: no such key).</summary>
    public bool? DoLowerCase { get; set; }

    public int? ModelMaxLength { get; set; }

    public bool AttentionMask { get; set; } = true;

    public bool TokenTypeIds { get; set; } = true;

    public bool Int32Inputs { get; set; }

    public int? FixedLength { get; set; }

    /// <summary>Lowercases the filler words too (always so with <see cref="DoLowerCase"/> true).</summary>
    public bool UncasedVocabulary { get; set; }

    /// <summary>
    /// Makes the first and last text tokens of every model call (next to [CLS] and [SEP]) tag <c>O</c> whatever
    /// they are: a model blind at the edges of its window, to observe which window a token's prediction comes from.
    /// </summary>
    public bool BlindAtWindowEdges { get; set; }

    /// <summary>Writes the vocabulary as a WordPiece tokenizer.json instead of vocab.txt.</summary>
    public bool TokenizerJsonOnly { get; set; }

    /// <summary>Adds <paramref name="token"/> to the vocabulary, tagged <paramref name="label"/>.</summary>
    public TinyNerModel Token(string token, string label, float strength = Strength)
    {
        _tokens.Add((token, label, strength));
        return this;
    }

    /// <summary>Writes the directory and returns it.</summary>
    public string Write()
    {
        System.IO.Directory.CreateDirectory(Directory);
        var vocabulary = new List<string>(SpecialTokens);
        var tags = new List<(int Label, float Strength)>();
        tags.AddRange(SpecialTokens.Select(_ => (0, Strength)));
        foreach (var (token, label, strength) in _tokens)
        {
            vocabulary.Add(token);
            tags.Add((Array.IndexOf(Labels, label) is var index and >= 0 ? index : throw new ArgumentException("unknown label " + label), strength));
        }

        foreach (var token in Filler)
        {
            var word = DoLowerCase == true || UncasedVocabulary ? token.ToLowerInvariant() : token;
            if (!vocabulary.Contains(word))
            {
                vocabulary.Add(word);
                tags.Add((0, Strength));
            }
        }

        var embedding = new float[vocabulary.Count, Labels.Length];
        for (var id = 0; id < vocabulary.Count; id++)
        {
            embedding[id, tags[id].Label] = tags[id].Strength;
        }

        File.WriteAllBytes(Path.Combine(Directory, "model.onnx"), OnnxGraphWriter.TokenClassifier(embedding, AttentionMask, TokenTypeIds, Int32Inputs, FixedLength, BlindAtWindowEdges ? WindowEdgeBias() : null));
        WriteJson("config.json", new Dictionary<string, object>
        {
            ["model_type"] = "bert",
            ["id2label"] = Labels.Select((label, id) => (label, id)).ToDictionary(x => x.id.ToString(System.Globalization.CultureInfo.InvariantCulture), x => x.label),
            ["max_position_embeddings"] = 512,
        });

        var tokenizerConfig = new Dictionary<string, object>();
        if (DoLowerCase is { } lower)
        {
            tokenizerConfig["do_lower_case"] = lower;
        }

        if (ModelMaxLength is { } max)
        {
            tokenizerConfig["model_max_length"] = max;
        }

        if (tokenizerConfig.Count > 0)
        {
            WriteJson("tokenizer_config.json", tokenizerConfig);
        }

        WriteJson("special_tokens_map.json", new Dictionary<string, object>
        {
            ["cls_token"] = "[CLS]",
            ["sep_token"] = "[SEP]",
            ["unk_token"] = "[UNK]",
            ["pad_token"] = "[PAD]",
            ["mask_token"] = "[MASK]",
        });

        if (TokenizerJsonOnly)
        {
            WriteJson("tokenizer.json", new Dictionary<string, object?>
            {
                ["version"] = "1.0",
                ["normalizer"] = new Dictionary<string, object?>
                {
                    ["type"] = "BertNormalizer",
                    ["clean_text"] = true,
                    ["handle_chinese_chars"] = true,
                    ["strip_accents"] = null,
                    ["lowercase"] = DoLowerCase ?? false,
                },
                ["model"] = new Dictionary<string, object>
                {
                    ["type"] = "WordPiece",
                    ["unk_token"] = "[UNK]",
                    ["continuing_subword_prefix"] = "##",
                    ["max_input_chars_per_word"] = 100,
                    ["vocab"] = vocabulary.Select((token, id) => (token, id)).ToDictionary(x => x.token, x => x.id),
                },
            });
        }
        else
        {
            File.WriteAllLines(Path.Combine(Directory, "vocab.txt"), vocabulary);
        }

        return Directory;
    }

    private float[,] WindowEdgeBias()
    {
        var bias = new float[OnnxNerDetector.MaxSupportedSequenceLength + 1, Labels.Length];
        bias[2, 0] = 4 * Strength;
        return bias;
    }

    public OnnxNerDetector Load(Func<OnnxNerOptions, OnnxNerOptions>? configure = null)
    {
        var options = new OnnxNerOptions { ModelDirectory = Write() };
        return OnnxNerDetector.Load(configure is null ? options : configure(options));
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    private void WriteJson(string fileName, object value) =>
        File.WriteAllText(Path.Combine(Directory, fileName), JsonSerializer.Serialize(value));
}
