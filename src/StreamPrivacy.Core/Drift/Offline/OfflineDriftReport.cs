namespace StreamPrivacy.Core.Drift.Offline;

/// <summary>The whole offline comparison.</summary>
/// <param name="Features">Per feature, ordered by name.</param>
/// <param name="ReferenceEvents">Events read from the reference file.</param>
/// <param name="CurrentEvents">Events of the current file used (after contribution bounding).</param>
/// <param name="InvalidLines">Current or reference lines that were not JSON objects (skipped).</param>
/// <param name="DroppedByBound">Current events dropped because their subject had already contributed k events.</param>
/// <param name="ProfileHash">Content hash of the reference profile.</param>
public sealed record OfflineDriftReport(
    IReadOnlyList<FeatureRelease> Features,
    long ReferenceEvents,
    long CurrentEvents,
    long InvalidLines,
    long DroppedByBound,
    string ProfileHash);
