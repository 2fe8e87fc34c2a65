using StreamPrivacy.Core.Redaction.Detection;

namespace StreamPrivacy.Ner.Onnx;

/// <summary>Settings of an <see cref="OnnxNerDetector"/>.</summary>
public sealed record OnnxNerOptions
{
    /// <summary>The default <see cref="EntityMap"/>: <c>PER</c> (CoNLL) and <c>PERSON</c> (OntoNotes) → <c>PERSON</c>.</summary>
    public static IReadOnlyDictionary<string, string> DefaultEntityMap { get; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["PER"] = PersonEntityType, ["PERSON"] = PersonEntityType };

    /// <summary>The entity type of person names, in the pipeline's (Presidio's) vocabulary.</summary>
    public const string PersonEntityType = "PERSON";

    /// <summary>
    /// Directory of a Hugging Face token-classification model exported to ONNX (<c>optimum-cli export onnx
    /// --task token-classification</c>): <c>model.onnx</c> (or <c>onnx/model.onnx</c>), <c>config.json</c>,
    /// <c>vocab.txt</c> or a WordPiece <c>tokenizer.json</c>, and optionally <c>tokenizer_config.json</c>
    /// and <c>special_tokens_map.json</c>.
    /// </summary>
    public required string ModelDirectory { get; init; }

    /// <summary>
    /// Label suffix (the <c>PER</c> of <c>B-PER</c>, compared case-insensitively) → entity type reported in
    /// <see cref="PiiMatch.EntityType"/>. Labels whose suffix is not mapped are ignored. The first entry in
    /// enumeration order is the detector's <see cref="OnnxNerDetector.EntityType"/>.
    /// Default: <see cref="DefaultEntityMap"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> EntityMap { get; init; } = DefaultEntityMap;

    /// <summary>Entities scoring below this (mean word probability, see the README) are dropped. Default 0.5.</summary>
    public double MinScore { get; init; } = 0.5;

    /// <summary>
    /// Tokens per model call including [CLS] and [SEP]. Default: <c>model_max_length</c> of tokenizer_config.json,
    /// else 512; always capped at 512, at config.json's <c>max_position_embeddings</c> and at a fixed sequence
    /// length declared by the model.
    /// </summary>
    public int? MaxSequenceLength { get; init; }

    /// <summary>
    /// Tokens shared by consecutive windows when a text is longer than one call (at most half a window).
    /// Default 64.
    /// </summary>
    public int Stride { get; init; } = 64;

    /// <summary>ONNX Runtime threads per inference call (0: ONNX Runtime's default, one per core). Default 1.</summary>
    public int IntraOpThreads { get; init; } = 1;
}
