namespace StreamPrivacy.Core.Leakage;

/// <summary>A leakage alert transition: raised by a window with the condition, resolved by the first window without it.</summary>
/// <param name="Finding">The condition (for a resolve: as last seen).</param>
/// <param name="Raised">True for raise, false for resolve.</param>
/// <param name="WindowStart">Start of the window that caused the transition.</param>
/// <param name="WindowEnd">End of that window.</param>
public sealed record LeakageAlert(LeakageFinding Finding, bool Raised, DateTimeOffset WindowStart, DateTimeOffset WindowEnd);
