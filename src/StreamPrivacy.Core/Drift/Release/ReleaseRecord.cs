using StreamPrivacy.Core.Privacy;
using StreamPrivacy.Core.Windowing;

namespace StreamPrivacy.Core.Drift.Release;

/// <summary>
/// A window release of one stream: the fact recorded in the ledger before any of it is emitted.
/// Everything published (metrics, drift alerts) is derived from this record alone, so a replay
/// re-emits exactly the same bytes and never draws fresh noise (DESIGN §3).
/// </summary>
/// <param name="ReleaseId">Release identity: stream, window and policy version.</param>
/// <param name="Stream">The stream.</param>
/// <param name="Window">The window.</param>
/// <param name="PolicyVersion">Sanitize policy version in force.</param>
/// <param name="ReferenceHash">Content hash of the reference profile.</param>
/// <param name="Charge">What the release cost the stream's budget (zero without DP).</param>
/// <param name="Features">Per feature: released counts, metrics, noise parameters and error bars.</param>
/// <param name="BinLabels">Per feature (same order): a label per bin, from the reference.</param>
/// <param name="Alerts">Drift alert transitions this release caused.</param>
/// <param name="ReleasedAt">Wall-clock time of the first release.</param>
internal sealed record ReleaseRecord(
    string ReleaseId,
    StreamId Stream,
    Window Window,
    string PolicyVersion,
    string ReferenceHash,
    PrivacyCharge Charge,
    IReadOnlyList<FeatureRelease> Features,
    IReadOnlyList<IReadOnlyList<string>> BinLabels,
    IReadOnlyList<DriftAlertChange> Alerts,
    DateTimeOffset ReleasedAt)
{
    /// <summary>The release id of <paramref name="stream"/>'s <paramref name="window"/> under <paramref name="policyVersion"/>.</summary>
    public static string IdOf(StreamId stream, Window window, string policyVersion) =>
        string.Join('|', "release/v1", stream.Key, window.Id, "policy:" + policyVersion);
}
