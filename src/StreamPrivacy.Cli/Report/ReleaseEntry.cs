namespace StreamPrivacy.Cli.Report;

/// <summary>A release record of the ledger: what one window's release charged and how it was noised.</summary>
/// <param name="ReleaseId">Release id.</param>
/// <param name="Stream">Stream.</param>
/// <param name="WindowStart">Window start.</param>
/// <param name="WindowEnd">Window end.</param>
/// <param name="PolicyVersion">Policy version the release was made under.</param>
/// <param name="ReferenceHash">Content hash of the reference profile.</param>
/// <param name="EpsilonCharged">Exact ε charged for the window (all features together), e.g. <c>1/10</c>.</param>
/// <param name="RhoCharged">Exact ρ charged for the window.</param>
/// <param name="Features">Number of features released.</param>
/// <param name="Mechanisms">Noise mechanisms used.</param>
/// <param name="Sensitivities">Sensitivities (the contribution bound k).</param>
internal sealed record ReleaseEntry(
    string ReleaseId,
    ReportStream Stream,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    string PolicyVersion,
    string ReferenceHash,
    string EpsilonCharged,
    string RhoCharged,
    int Features,
    IReadOnlyList<string> Mechanisms,
    IReadOnlyList<int> Sensitivities);
