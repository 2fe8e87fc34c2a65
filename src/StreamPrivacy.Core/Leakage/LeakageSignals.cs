namespace StreamPrivacy.Core.Leakage;

/// <summary>
/// What the leakage monitor takes from one sanitized inference event: the model, the client's
/// pseudonym, output redaction counts by path and entity type, canary hits by output path and a
/// SimHash of the query. Counts, paths, a pseudonym and a hash; never a value.
/// </summary>
/// <param name="Model">Model name.</param>
/// <param name="Version">Model version (empty when absent).</param>
/// <param name="Client">The subject pseudonym, or null.</param>
/// <param name="OutputRedactions">Output path → entity type → redactions (from <c>sanitization.output_redactions</c>).</param>
/// <param name="CanaryHits">Output path → registered canaries found there.</param>
/// <param name="QueryHash">SimHash of the prompt, else of the feature vector; null when the event has neither.</param>
public sealed record LeakageSignals(
    string Model,
    string Version,
    string? Client,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> OutputRedactions,
    IReadOnlyDictionary<string, int> CanaryHits,
    ulong? QueryHash);
