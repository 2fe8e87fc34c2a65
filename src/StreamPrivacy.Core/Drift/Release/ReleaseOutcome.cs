using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Core.Drift.Release;

/// <summary>The result of trying to release a window.</summary>
/// <param name="Record">The release, or null when the budget refused it.</param>
/// <param name="Budget">The stream's budget state after the attempt.</param>
/// <param name="StoppedNow">True when this attempt was refused by a budget that had not stopped the stream before.</param>
internal sealed record ReleaseOutcome(ReleaseRecord? Record, BudgetState Budget, bool StoppedNow);
