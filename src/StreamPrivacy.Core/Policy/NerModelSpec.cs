namespace StreamPrivacy.Core.Policy;

/// <summary>
/// A token-classification model that adds its findings to the built-in detectors (policy
/// <c>free_text.ner</c>): a Hugging Face ONNX export directory (<c>model.onnx</c>, tokenizer files,
/// <c>config.json</c> with <c>id2label</c>). The host supplies the backend that runs it.
/// </summary>
/// <param name="ModelDirectory">Directory of the exported model.</param>
/// <param name="MinScore">Spans the model scores below this are ignored.</param>
/// <param name="Labels">Model label (tag without its B-/I- prefix, e.g. <c>PER</c>) to entity type (e.g. <c>PERSON</c>).</param>
public sealed record NerModelSpec(string ModelDirectory, double MinScore, IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>Label mapping used when the policy names none: persons only.</summary>
    public static IReadOnlyDictionary<string, string> DefaultLabels { get; } =
        new Dictionary<string, string>(StringComparer.Ordinal) { ["PER"] = "PERSON" };

    /// <summary>Score threshold used when the policy names none.</summary>
    public const double DefaultMinScore = 0.5;
}
