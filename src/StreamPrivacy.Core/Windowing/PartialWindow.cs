using StreamPrivacy.Core.Drift;

namespace StreamPrivacy.Core.Windowing;

/// <summary>
/// The exact histograms of one stream and window from one source partition, as carried on the
/// internal partials topic. Internal data: exact counts never leave the cluster.
/// </summary>
/// <param name="Stream">The stream.</param>
/// <param name="Window">The window.</param>
/// <param name="SourceTopic">Input topic of the profile stage.</param>
/// <param name="SourcePartition">Input partition the counts come from.</param>
/// <param name="ReferenceHash">Content hash of the reference profile whose bins were used.</param>
/// <param name="Counts">Feature name → bin counts (reference bin order).</param>
/// <param name="Missing">Feature name → events without the feature.</param>
/// <param name="Events">Events counted.</param>
/// <param name="Late">Late events of the stream on this partition so far (not counted anywhere).</param>
internal sealed record PartialWindow(
    StreamId Stream,
    Window Window,
    string SourceTopic,
    int SourcePartition,
    string ReferenceHash,
    IReadOnlyDictionary<string, long[]> Counts,
    IReadOnlyDictionary<string, long> Missing,
    long Events,
    long Late)
{
    /// <summary>Builds the partial of a closed window.</summary>
    public static PartialWindow From(ClosedWindow<WindowProfile> closed, string sourceTopic, int sourcePartition, long late)
    {
        var state = closed.State;
        var counts = new Dictionary<string, long[]>(StringComparer.Ordinal);
        var missing = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < state.Histograms.Count; i++)
        {
            var name = state.Reference.Features[i].Name;
            counts[name] = state.Histograms[i].Counts.ToArray();
            missing[name] = state.Histograms[i].Missing;
        }

        return new PartialWindow(state.Stream, closed.Window, sourceTopic, sourcePartition, state.Reference.ContentHash, counts, missing, state.Events, late);
    }
}
