namespace StreamPrivacy.Core.Windowing;

/// <summary>Drift alert hysteresis: raise once, resolve once (DESIGN §4).</summary>
/// <remarks>
/// <para>
/// Per <see cref="DriftAlertKey"/>, an alert is raised after <see cref="RaiseAfter"/> consecutive
/// drifted windows while not raised, and resolved after <see cref="ResolveAfter"/> consecutive
/// not-drifted windows while raised; every other observation reports
/// <see cref="AlertTransition.None"/>. "Consecutive" means consecutive observations: a window
/// without a release (no data, budget spent) neither extends nor breaks a streak.
/// </para>
/// <para>
/// An observation for a window that does not end after the last observed window of the key is
/// ignored, so a replay re-delivering released windows cannot raise or resolve twice.
/// </para>
/// <para>Memory: one small state per key ever observed. Not thread-safe.</para>
/// </remarks>
internal sealed class DriftAlertTracker
{
    private readonly Dictionary<DriftAlertKey, AlertState> _states = [];

    /// <summary>Creates a tracker; both counts must be at least 1 (default 1/1).</summary>
    public DriftAlertTracker(int raiseAfter = 1, int resolveAfter = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(raiseAfter, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(resolveAfter, 1);
        RaiseAfter = raiseAfter;
        ResolveAfter = resolveAfter;
    }

    /// <summary>Consecutive drifted windows that raise an alert.</summary>
    public int RaiseAfter { get; }

    /// <summary>Consecutive not-drifted windows that resolve a raised alert.</summary>
    public int ResolveAfter { get; }

    /// <summary>True while the alert of <paramref name="key"/> is raised.</summary>
    public bool IsRaised(DriftAlertKey key) => _states.TryGetValue(key, out var state) && state.Raised;

    /// <summary>Feeds the drift verdict of <paramref name="window"/> and returns the transition, if any.</summary>
    public AlertTransition Observe(DriftAlertKey key, bool drifted, Window window)
    {
        if (!_states.TryGetValue(key, out var state))
        {
            state = new AlertState();
            _states[key] = state;
        }
        else if (state.LastWindowEnd is { } last && window.End <= last)
        {
            return AlertTransition.None;
        }

        state.LastWindowEnd = window.End;

        // The streak counts observations pointing away from the current state; one observation
        // agreeing with the current state resets it.
        var towardsChange = state.Raised ? !drifted : drifted;
        state.Streak = towardsChange ? state.Streak + 1 : 0;

        if (state.Raised && state.Streak >= ResolveAfter)
        {
            state.Raised = false;
            state.Streak = 0;
            return AlertTransition.Resolved;
        }

        if (!state.Raised && state.Streak >= RaiseAfter)
        {
            state.Raised = true;
            state.Streak = 0;
            return AlertTransition.Raised;
        }

        return AlertTransition.None;
    }

    private sealed class AlertState
    {
        public bool Raised { get; set; }

        public int Streak { get; set; }

        public DateTimeOffset? LastWindowEnd { get; set; }
    }
}
