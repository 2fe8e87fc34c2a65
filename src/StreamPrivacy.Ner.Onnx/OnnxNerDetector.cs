using System.Runtime.InteropServices;
using System.Text;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using StreamPrivacy.Core.Redaction.Detection;
using StreamPrivacy.Ner.Onnx.Decoding;
using StreamPrivacy.Ner.Onnx.ModelFiles;
using StreamPrivacy.Ner.Onnx.Tokenization;

namespace StreamPrivacy.Ner.Onnx;

/// <summary>
/// Named-entity detection with a Hugging Face token-classification model exported to ONNX (a BERT-style
/// WordPiece model such as <c>dslim/bert-base-NER</c>), run by ONNX Runtime on the CPU.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Detect"/> tokenizes with offsets into the caller's text, runs the model over windows of at most
/// <see cref="MaxSequenceLength"/> tokens that overlap by <see cref="Stride"/> tokens (each token keeps the
/// prediction of the window where it has the most context on both sides), and groups word-level BIO/IOB1/BIOES
/// tags into spans (see the README for the scoring). Only labels whose suffix is in
/// <see cref="OnnxNerOptions.EntityMap"/> are reported, each match with its own mapped type: with several mapped
/// types, <see cref="EntityType"/> names only the first and matches may carry the others.
/// </para>
/// <para>
/// Thread-safe: one <see cref="InferenceSession"/> serves concurrent calls. <see cref="Dispose"/> must not race
/// with <see cref="Detect"/>. No exception or message carries text content.
/// </para>
/// </remarks>
public sealed class OnnxNerDetector : IPiiDetector, IDisposable
{
    /// <summary>The ONNX model's file name in the model directory (also looked up under <c>onnx/</c>).</summary>
    public const string ModelFileName = "model.onnx";

    /// <summary>The hard cap on <see cref="MaxSequenceLength"/> (BERT's position embeddings).</summary>
    public const int MaxSupportedSequenceLength = 512;

    private const string InputIds = "input_ids";
    private const string AttentionMask = "attention_mask";
    private const string TokenTypeIds = "token_type_ids";

    private readonly InferenceSession _session;
    private readonly SessionOptions _sessionOptions;
    private readonly RunOptions _runOptions;
    private readonly NerTokenizer _tokenizer;
    private readonly NerLabel[] _labels;
    private readonly string[] _inputNames;
    private readonly bool[] _inputIsInt32;
    private readonly string[] _outputNames;
    private readonly int? _fixedLength;
    private readonly double _minScore;
    private int _disposed;

    private OnnxNerDetector(
        InferenceSession session,
        SessionOptions sessionOptions,
        NerTokenizer tokenizer,
        NerLabel[] labels,
        ModelInputs inputs,
        string outputName,
        int maxSequenceLength,
        int stride,
        double minScore,
        IReadOnlyList<string> entityTypes)
    {
        _session = session;
        _sessionOptions = sessionOptions;
        _runOptions = new RunOptions();
        _tokenizer = tokenizer;
        _labels = labels;
        _inputNames = inputs.Names;
        _inputIsInt32 = inputs.IsInt32;
        _fixedLength = inputs.FixedLength;
        _outputNames = [outputName];
        MaxSequenceLength = maxSequenceLength;
        Stride = stride;
        _minScore = minScore;
        EntityTypes = entityTypes;
        EntityType = entityTypes[0];
    }

    /// <summary>The first entity type of <see cref="OnnxNerOptions.EntityMap"/> (<c>PERSON</c> by default).</summary>
    public string EntityType { get; }

    /// <summary>Every entity type this detector can report, in <see cref="OnnxNerOptions.EntityMap"/> order.</summary>
    public IReadOnlyList<string> EntityTypes { get; }

    /// <summary>Tokens per model call in effect, including [CLS] and [SEP].</summary>
    public int MaxSequenceLength { get; }

    /// <summary>Overlap in tokens between consecutive windows in effect.</summary>
    public int Stride { get; }

    /// <summary>
    /// Loads the model directory named by <paramref name="options"/>. Throws
    /// <see cref="DirectoryNotFoundException"/> or <see cref="FileNotFoundException"/> naming a missing file,
    /// <see cref="InvalidDataException"/> naming an unreadable or inconsistent file,
    /// <see cref="NotSupportedException"/> for a model or tokenizer of another kind, and
    /// <see cref="ArgumentException"/> for invalid options.
    /// </summary>
    public static OnnxNerDetector Load(OnnxNerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var directory = options.ModelDirectory;
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The NER model directory '{directory}' does not exist.");
        }

        var modelPath = Path.Combine(directory, ModelFileName);
        if (!File.Exists(modelPath))
        {
            var nested = Path.Combine(directory, "onnx", ModelFileName);
            modelPath = File.Exists(nested)
                ? nested
                : throw new FileNotFoundException($"The NER model directory '{directory}' has no {ModelFileName}.", ModelFileName);
        }

        var config = ModelConfig.Load(directory);
        var tokenizer = NerTokenizer.Load(directory);
        var labels = config.Labels.Select(label => NerLabel.Parse(label, options.EntityMap)).ToArray();
        var entityTypes = options.EntityMap.Values.Distinct(StringComparer.Ordinal).ToArray();
        if (!labels.Any(label => label.MappedType is not null))
        {
            throw new InvalidDataException(
                $"{ModelConfig.FileName} in the model directory has no label whose entity suffix is in EntityMap "
                + $"({string.Join(", ", options.EntityMap.Keys)}): the detector would never report anything.");
        }

        var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        InferenceSession? session = null;
        try
        {
            try
            {
                session = new InferenceSession(modelPath, sessionOptions);
            }
            catch (OnnxRuntimeException ex)
            {
                throw new InvalidDataException($"{ModelFileName} in the model directory could not be loaded by ONNX Runtime: {ex.Message}", ex);
            }

            var inputs = ModelInputs.Read(session);
            var outputName = ReadLogitsOutput(session, labels.Length);
            var maxLength = new[]
            {
                options.MaxSequenceLength ?? tokenizer.ModelMaxLength ?? MaxSupportedSequenceLength,
                MaxSupportedSequenceLength,
                config.MaxPositionEmbeddings ?? int.MaxValue,
                inputs.FixedLength ?? int.MaxValue,
            }.Min();
            if (maxLength < 3)
            {
                throw new InvalidDataException($"The model's maximum sequence length ({maxLength}) leaves no room for text between [CLS] and [SEP].");
            }

            var stride = Math.Min(options.Stride, (maxLength - 2) / 2);
            var detector = new OnnxNerDetector(session, sessionOptions, tokenizer, labels, inputs, outputName, maxLength, stride, options.MinScore, entityTypes);
            session = null;
            return detector;
        }
        finally
        {
            if (session is not null)
            {
                session.Dispose();
                sessionOptions.Dispose();
            }
        }
    }

    /// <inheritdoc />
    public void Detect(ReadOnlySpan<char> text, List<PiiMatch> results)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (!ContainsLetter(text))
        {
            return; // no name without a letter; allocates nothing
        }

        var tokenList = new List<NerToken>(text.Length / 3);
        _tokenizer.Encode(text, tokenList);
        var tokens = CollectionsMarshal.AsSpan(tokenList);
        if (tokens.IsEmpty)
        {
            return;
        }

        var labelIds = new int[tokens.Length];
        var scores = new float[tokens.Length];
        var context = new int[tokens.Length];
        context.AsSpan().Fill(-1);
        var window = MaxSequenceLength - 2;
        var step = window - Stride;
        for (var start = 0; ; start += step)
        {
            var end = Math.Min(start + window, tokens.Length);
            RunWindow(tokens[start..end], start, end == tokens.Length, labelIds, scores, context);
            if (end == tokens.Length)
            {
                break;
            }
        }

        EntityDecoder.Decode(text, tokens, labelIds, scores, _labels, _minScore, results);
    }

    /// <summary>Releases the ONNX Runtime session.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _session.Dispose();
            _runOptions.Dispose();
            _sessionOptions.Dispose();
        }
    }

    private void RunWindow(ReadOnlySpan<NerToken> window, int offset, bool isLast, int[] labelIds, float[] scores, int[] context)
    {
        var count = window.Length;
        var length = _fixedLength ?? count + 2;
        var ids = new long[length];
        var mask = new long[length];
        ids.AsSpan().Fill(_tokenizer.PaddingTokenId);
        ids[0] = _tokenizer.ClassificationTokenId;
        for (var k = 0; k < count; k++)
        {
            ids[k + 1] = window[k].Id;
        }

        ids[count + 1] = _tokenizer.SeparatorTokenId;
        mask.AsSpan(0, count + 2).Fill(1);

        var shape = new long[] { 1, length };
        var values = new OrtValue[_inputNames.Length];
        try
        {
            for (var i = 0; i < values.Length; i++)
            {
                var data = _inputNames[i] switch
                {
                    InputIds => ids,
                    AttentionMask => mask,
                    _ => new long[length], // token_type_ids: one segment
                };
                values[i] = _inputIsInt32[i]
                    ? OrtValue.CreateTensorValueFromMemory(Array.ConvertAll(data, static v => (int)v), shape)
                    : OrtValue.CreateTensorValueFromMemory(data, shape);
            }

            using var outputs = _session.Run(_runOptions, _inputNames, values, _outputNames);
            var logits = outputs[0];
            var labelCount = _labels.Length;
            var outputShape = logits.GetTensorTypeAndShape().Shape;
            if (outputShape.Length != 3 || outputShape[0] != 1 || outputShape[1] != length || outputShape[2] != labelCount)
            {
                throw new InvalidOperationException(
                    $"{ModelFileName} returned logits of shape [{string.Join(", ", outputShape)}]; expected [1, {length}, {labelCount}].");
            }

            var logitValues = logits.GetTensorDataAsSpan<float>();
            for (var k = 0; k < count; k++)
            {
                var left = offset == 0 ? int.MaxValue : k;
                var right = isLast ? int.MaxValue : count - 1 - k;
                var tokenContext = Math.Min(left, right);
                var t = offset + k;
                if (tokenContext <= context[t])
                {
                    continue;
                }

                context[t] = tokenContext;
                (labelIds[t], scores[t]) = ArgMaxProbability(logitValues.Slice((k + 1) * labelCount, labelCount));
            }
        }
        catch (OnnxRuntimeException ex)
        {
            throw new InvalidOperationException($"ONNX Runtime failed on a window of {length} tokens: {ex.Message}", ex);
        }
        finally
        {
            foreach (var value in values)
            {
                value?.Dispose();
            }
        }
    }

    /// <summary>The arg-max class of a logits row and its softmax probability, 1 / Σ exp(xᵢ − max).</summary>
    internal static (int Label, float Probability) ArgMaxProbability(ReadOnlySpan<float> logits)
    {
        var best = 0;
        for (var i = 1; i < logits.Length; i++)
        {
            if (logits[i] > logits[best])
            {
                best = i;
            }
        }

        var max = logits[best];
        var sum = 0d;
        foreach (var x in logits)
        {
            sum += Math.Exp(x - max);
        }

        return (best, (float)(1 / sum));
    }

    private static bool ContainsLetter(ReadOnlySpan<char> text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetter(rune))
            {
                return true;
            }
        }

        return false;
    }

    private static void Validate(OnnxNerOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ModelDirectory, nameof(options.ModelDirectory));
        ArgumentNullException.ThrowIfNull(options.EntityMap, nameof(options.EntityMap));
        if (options.EntityMap.Count == 0 || options.EntityMap.Any(static e => string.IsNullOrWhiteSpace(e.Key) || string.IsNullOrWhiteSpace(e.Value)))
        {
            throw new ArgumentException("EntityMap needs at least one entry, with non-empty label suffixes and entity types.", nameof(options));
        }

        if (options.MinScore is < 0 or > 1 || double.IsNaN(options.MinScore))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MinScore, "MinScore must be within [0, 1].");
        }

        if (options.MaxSequenceLength is < 3)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxSequenceLength, "MaxSequenceLength must be at least 3 ([CLS], one token, [SEP]).");
        }

        if (options.Stride < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Stride, "Stride cannot be negative.");
        }

        if (options.IntraOpThreads < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.IntraOpThreads, "IntraOpThreads cannot be negative (0 lets ONNX Runtime choose).");
        }
    }

    private static string ReadLogitsOutput(InferenceSession session, int labelCount)
    {
        var outputs = session.OutputMetadata;
        var name = outputs.ContainsKey("logits") ? "logits"
            : outputs.Count == 1 ? outputs.Keys.First()
            : throw new NotSupportedException($"{ModelFileName} has no 'logits' output (outputs: {string.Join(", ", outputs.Keys)}).");
        var metadata = outputs[name];
        if (!metadata.IsTensor || metadata.ElementDataType != TensorElementType.Float)
        {
            throw new NotSupportedException($"{ModelFileName} output '{name}' must be a float32 tensor; it is {metadata.ElementDataType}.");
        }

        var dimensions = metadata.Dimensions;
        if (dimensions.Length != 3)
        {
            throw new NotSupportedException($"{ModelFileName} output '{name}' must be [batch, sequence, labels]; it has rank {dimensions.Length}.");
        }

        if (dimensions[2] > 0 && dimensions[2] != labelCount)
        {
            throw new InvalidDataException(
                $"{ModelFileName} predicts {dimensions[2]} labels but {ModelConfig.FileName} id2label names {labelCount}: they are not the same model.");
        }

        return name;
    }

    /// <summary>The model inputs this detector feeds, in the model's order.</summary>
    private sealed record ModelInputs(string[] Names, bool[] IsInt32, int? FixedLength)
    {
        public static ModelInputs Read(InferenceSession session)
        {
            var names = new List<string>();
            var isInt32 = new List<bool>();
            int? fixedLength = null;
            foreach (var (name, metadata) in session.InputMetadata)
            {
                if (name is not (InputIds or AttentionMask or TokenTypeIds))
                {
                    throw new NotSupportedException(
                        $"{ModelFileName} has an input '{name}'; only {InputIds}, {AttentionMask} and {TokenTypeIds} can be fed.");
                }

                if (!metadata.IsTensor || metadata.ElementDataType is not (TensorElementType.Int64 or TensorElementType.Int32))
                {
                    throw new NotSupportedException($"{ModelFileName} input '{name}' must be an int64 or int32 tensor; it is {metadata.ElementDataType}.");
                }

                var dimensions = metadata.Dimensions;
                if (dimensions.Length != 2 || dimensions[0] > 1)
                {
                    throw new NotSupportedException($"{ModelFileName} input '{name}' must be [batch, sequence] with a dynamic or unit batch.");
                }

                if (dimensions[1] > 0)
                {
                    fixedLength = fixedLength is { } other && other != dimensions[1]
                        ? throw new NotSupportedException($"{ModelFileName} declares different fixed sequence lengths for its inputs.")
                        : dimensions[1];
                }

                names.Add(name);
                isInt32.Add(metadata.ElementDataType == TensorElementType.Int32);
            }

            if (!names.Contains(InputIds))
            {
                throw new NotSupportedException($"{ModelFileName} has no '{InputIds}' input: it is not a text token-classification model.");
            }

            return new ModelInputs([.. names], [.. isInt32], fixedLength);
        }
    }
}
