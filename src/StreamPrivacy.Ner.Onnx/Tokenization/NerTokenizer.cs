using System.Text;
using System.Text.Json;
using Microsoft.ML.Tokenizers;
using StreamPrivacy.Ner.Onnx.ModelFiles;

namespace StreamPrivacy.Ner.Onnx.Tokenization;

/// <summary>
/// WordPiece tokenization with offsets into the caller's text: <see cref="BertTextNormalizer"/> normalizes
/// with an alignment map, <see cref="BertWordSplitter"/> splits words, and Microsoft.ML.Tokenizers'
/// <see cref="BertTokenizer"/> (vocabulary, WordPiece) encodes them. Thread-safe after loading.
/// </summary>
internal sealed class NerTokenizer
{
    public const string VocabFileName = "vocab.txt";
    public const string TokenizerJsonFileName = "tokenizer.json";
    public const string TokenizerConfigFileName = "tokenizer_config.json";
    public const string SpecialTokensMapFileName = "special_tokens_map.json";

    private readonly BertTokenizer _tokenizer;
    private readonly string _continuationPrefix;

    private NerTokenizer(BertTokenizer tokenizer, BertTextNormalizer normalizer, int? modelMaxLength, string vocabularySource)
    {
        _tokenizer = tokenizer;
        _continuationPrefix = tokenizer.ContinuingSubwordPrefix;
        Normalizer = normalizer;
        ModelMaxLength = modelMaxLength;
        VocabularySource = vocabularySource;
    }

    public BertTextNormalizer Normalizer { get; }

    /// <summary><c>model_max_length</c> from tokenizer_config.json, when present.</summary>
    public int? ModelMaxLength { get; }

    /// <summary>The file the vocabulary was read from.</summary>
    public string VocabularySource { get; }

    public int ClassificationTokenId => _tokenizer.ClassificationTokenId;

    public int SeparatorTokenId => _tokenizer.SeparatorTokenId;

    public int PaddingTokenId => _tokenizer.PaddingTokenId;

    /// <summary>Appends the tokens of <paramref name="text"/> (without [CLS]/[SEP]) to <paramref name="tokens"/>.</summary>
    public void Encode(ReadOnlySpan<char> text, List<NerToken> tokens)
    {
        var normalized = Normalizer.Normalize(text);
        if (normalized.Length == 0)
        {
            return;
        }

        var encoded = _tokenizer.EncodeToTokens(normalized.Chars, out _, considerPreTokenization: true, considerNormalization: false);
        foreach (var token in encoded)
        {
            var (offset, length) = token.Offset.GetOffsetAndLength(normalized.Length);
            if (length <= 0)
            {
                continue;
            }

            tokens.Add(new NerToken(
                token.Id,
                normalized.SourceStart(offset),
                normalized.SourceEnd(offset + length - 1),
                StartsWord: !token.Value.StartsWith(_continuationPrefix, StringComparison.Ordinal)));
        }
    }

    /// <summary>
    /// Loads the tokenizer of a Hugging Face model directory: <c>vocab.txt</c> (or, without it, a WordPiece
    /// <c>tokenizer.json</c>) plus the optional <c>tokenizer_config.json</c> and <c>special_tokens_map.json</c>.
    /// </summary>
    public static NerTokenizer Load(string directory)
    {
        using var tokenizerConfig = JsonFile.TryRead(Path.Combine(directory, TokenizerConfigFileName));
        using var specialTokensMap = JsonFile.TryRead(Path.Combine(directory, SpecialTokensMapFileName));
        var config = tokenizerConfig?.RootElement;

        var options = new BertOptions
        {
            ApplyBasicTokenization = false, // normalization and word splitting are ours (offsets, see the class remarks)
            SplitOnSpecialTokens = false,   // "[SEP]" typed in an event is text, not a control token
            PreTokenizer = BertWordSplitter.Instance,
        };
        ApplySpecialTokens(options, config);
        ApplySpecialTokens(options, specialTokensMap?.RootElement);

        bool? lowerCase = config is { } c1 ? JsonFile.GetBool(c1, "do_lower_case") : null;
        bool? stripAccents = config is { } c2 ? JsonFile.GetBool(c2, "strip_accents") : null;
        bool? isolateCjk = config is { } c3 ? JsonFile.GetBool(c3, "tokenize_chinese_chars") : null;

        var vocabPath = Path.Combine(directory, VocabFileName);
        var tokenizerJsonPath = Path.Combine(directory, TokenizerJsonFileName);
        string[] vocabulary;
        string source;
        if (File.Exists(vocabPath))
        {
            vocabulary = File.ReadAllLines(vocabPath);
            source = VocabFileName;
        }
        else if (File.Exists(tokenizerJsonPath))
        {
            using var tokenizerJson = JsonFile.TryRead(tokenizerJsonPath)!;
            vocabulary = ReadTokenizerJson(tokenizerJson.RootElement, options, ref lowerCase, ref stripAccents, ref isolateCjk);
            source = TokenizerJsonFileName;
        }
        else
        {
            throw new FileNotFoundException(
                $"The model directory has neither {VocabFileName} nor {TokenizerJsonFileName}: a WordPiece (BERT-style) tokenizer is required.",
                VocabFileName);
        }

        if (vocabulary.Length == 0)
        {
            throw new InvalidDataException($"{source} in the model directory has an empty vocabulary.");
        }

        // Without an explicit setting, a vocabulary with upper-case tokens is a cased one (transformers'
        // BertTokenizer would assume do_lower_case=true, which silently breaks cased NER models).
        var lower = lowerCase ?? !HasUpperCaseTokens(vocabulary);
        options.LowerCaseBeforeTokenization = lower;
        var normalizer = new BertTextNormalizer(lower, stripAccents ?? lower, isolateCjk ?? true);

        BertTokenizer tokenizer;
        try
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', vocabulary)));
            tokenizer = BertTokenizer.Create(stream, options);
        }
        catch (Exception ex) when (ex is ArgumentException or KeyNotFoundException or InvalidOperationException)
        {
            // The inner message names a vocabulary entry at most (a duplicate token), never text being scanned.
            throw new InvalidDataException(
                $"{source} in the model directory cannot be used as a WordPiece vocabulary: it needs unique tokens including "
                + $"{options.UnknownToken}, {options.ClassificationToken}, {options.SeparatorToken}, {options.PaddingToken} "
                + $"and {options.MaskingToken} ({ex.Message}).",
                ex);
        }

        var maxLength = config is { } c4 ? JsonFile.GetPositiveInt(c4, "model_max_length") : null;
        return new NerTokenizer(tokenizer, normalizer, maxLength, source);
    }

    private static void ApplySpecialTokens(BertOptions options, JsonElement? source)
    {
        if (source is not { } obj)
        {
            return;
        }

        options.UnknownToken = JsonFile.GetTokenString(obj, "unk_token") ?? options.UnknownToken;
        options.ClassificationToken = JsonFile.GetTokenString(obj, "cls_token") ?? options.ClassificationToken;
        options.SeparatorToken = JsonFile.GetTokenString(obj, "sep_token") ?? options.SeparatorToken;
        options.PaddingToken = JsonFile.GetTokenString(obj, "pad_token") ?? options.PaddingToken;
        options.MaskingToken = JsonFile.GetTokenString(obj, "mask_token") ?? options.MaskingToken;
    }

    /// <summary>Reads the vocabulary and normalizer settings of a WordPiece tokenizer.json; other models are refused.</summary>
    private static string[] ReadTokenizerJson(JsonElement root, BertOptions options, ref bool? lowerCase, ref bool? stripAccents, ref bool? isolateCjk)
    {
        if (!root.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{TokenizerJsonFileName} in the model directory has no \"model\" object.");
        }

        var type = model.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (type != "WordPiece")
        {
            throw new NotSupportedException(
                $"{TokenizerJsonFileName} in the model directory describes a '{type ?? "(untyped)"}' tokenizer; only WordPiece (BERT-style) models are supported.");
        }

        if (!model.TryGetProperty("vocab", out var vocab) || vocab.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{TokenizerJsonFileName} in the model directory has no WordPiece vocabulary (model.vocab).");
        }

        var byId = new Dictionary<int, string>();
        var maxId = -1;
        foreach (var entry in vocab.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Number || !entry.Value.TryGetInt32(out var id) || id < 0 || entry.Name.AsSpan().IndexOfAny('\n', '\r') >= 0)
            {
                throw new InvalidDataException($"{TokenizerJsonFileName} in the model directory has an invalid vocabulary entry.");
            }

            byId[id] = entry.Name;
            maxId = Math.Max(maxId, id);
        }

        var lines = new string[maxId + 1];
        for (var id = 0; id <= maxId; id++)
        {
            // Ids are dense in real vocabularies; a hole gets a placeholder no text can produce.
            lines[id] = byId.TryGetValue(id, out var token) ? token : $"[unused-id-{id}]\u0001";
        }

        options.UnknownToken = JsonFile.GetTokenString(model, "unk_token") ?? options.UnknownToken;
        options.ContinuingSubwordPrefix = JsonFile.GetTokenString(model, "continuing_subword_prefix") ?? options.ContinuingSubwordPrefix;
        options.MaxInputCharsPerWord = JsonFile.GetPositiveInt(model, "max_input_chars_per_word") ?? options.MaxInputCharsPerWord;

        if (root.TryGetProperty("normalizer", out var normalizer) && normalizer.ValueKind == JsonValueKind.Object)
        {
            var normalizerType = normalizer.TryGetProperty("type", out var nt) && nt.ValueKind == JsonValueKind.String ? nt.GetString() : null;
            if (normalizerType != "BertNormalizer")
            {
                throw new NotSupportedException(
                    $"{TokenizerJsonFileName} in the model directory uses a '{normalizerType}' normalizer; only BertNormalizer is supported.");
            }

            lowerCase ??= JsonFile.GetBool(normalizer, "lowercase");
            stripAccents ??= JsonFile.GetBool(normalizer, "strip_accents");
            isolateCjk ??= JsonFile.GetBool(normalizer, "handle_chinese_chars");
        }

        return lines;
    }

    private static bool HasUpperCaseTokens(string[] vocabulary)
    {
        foreach (var token in vocabulary)
        {
            if (token.Length > 2 && token[0] == '[' && token[^1] == ']')
            {
                continue; // [CLS], [unused0], …
            }

            foreach (var c in token)
            {
                if (char.IsUpper(c))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
