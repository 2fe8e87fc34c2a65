namespace StreamPrivacy.Core.Redaction;

/// <summary>
/// Which fields of an event are model outputs (DESIGN §1): the generated response
/// (<c>$.text.response</c>) and the prediction (<c>$.prediction</c> and below). PII found there is a
/// leakage signal (a model emitting personal data), not just input hygiene.
/// </summary>
internal static class ModelOutputPaths
{
    /// <summary>True when <paramref name="path"/> (as recorded in redaction counts) is a model output.</summary>
    public static bool IsOutput(string path) =>
        IsUnder(path, "$.text.response") || IsUnder(path, "$.prediction");

    private static bool IsUnder(string path, string prefix) =>
        path.StartsWith(prefix, StringComparison.Ordinal)
        && (path.Length == prefix.Length || path[prefix.Length] is '.' or '[');
}
