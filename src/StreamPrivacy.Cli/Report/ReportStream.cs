namespace StreamPrivacy.Cli.Report;

/// <summary>A monitored stream (model, version, feature set) as it appears on the output topics.</summary>
/// <param name="Model">Model name.</param>
/// <param name="Version">Model version.</param>
/// <param name="FeatureSet">Feature set.</param>
internal sealed record ReportStream(string Model, string Version, string FeatureSet)
{
    /// <summary>The model the stream belongs to.</summary>
    public ModelKey ModelKey => new(Model, Version);

    /// <summary>
    /// Parses the accountant's stream key (<c>model/version/feature_set</c>, <c>%</c> and <c>/</c>
    /// percent-encoded; see <c>StreamId.Key</c>); null when it does not have three parts.
    /// </summary>
    public static ReportStream? FromKey(string key)
    {
        var parts = key.Split('/');
        if (parts.Length != 3)
        {
            return null;
        }

        static string Unescape(string part) => part.Replace("%2F", "/", StringComparison.Ordinal).Replace("%25", "%", StringComparison.Ordinal);
        return new ReportStream(Unescape(parts[0]), Unescape(parts[1]), Unescape(parts[2]));
    }
}
