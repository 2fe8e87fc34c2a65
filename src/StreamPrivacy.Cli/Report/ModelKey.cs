namespace StreamPrivacy.Cli.Report;

/// <summary>
/// A model as the report groups it: model name and version for inference events; for feature
/// events (which carry no model) the feature set and source, as the profile stage names their stream.
/// </summary>
/// <param name="Name">Model name (or feature set); empty for pipeline-wide alerts.</param>
/// <param name="Version">Model version (or source).</param>
internal sealed record ModelKey(string Name, string Version)
{
    /// <summary>"name version", or a placeholder for alerts not tied to one model.</summary>
    public string Display => Name.Length == 0 ? "(not tied to one model)" : Version.Length == 0 ? Name : Name + " " + Version;
}
