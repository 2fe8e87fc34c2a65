namespace StreamPrivacy.Core.Drift;

/// <summary>A monitored stream (DESIGN §1): a model version and a feature set.</summary>
/// <param name="Model">Model name.</param>
/// <param name="Version">Model version.</param>
/// <param name="FeatureSet">Feature set, e.g. <c>inference</c> or <c>features</c> (the input topic kind).</param>
public sealed record StreamId(string Model, string Version, string FeatureSet)
{
    /// <summary>
    /// Stable text key, <c>model/version/feature_set</c> with <c>%</c> and <c>/</c> percent-encoded, so
    /// distinct streams never share a key. Used as the Kafka key of partials and releases, in release
    /// ids and as the privacy accountant's stream name.
    /// </summary>
    public string Key => string.Join('/', Escape(Model), Escape(Version), Escape(FeatureSet));

    /// <inheritdoc/>
    public override string ToString() => Key;

    private static string Escape(string part) => part.Replace("%", "%25", StringComparison.Ordinal).Replace("/", "%2F", StringComparison.Ordinal);
}
