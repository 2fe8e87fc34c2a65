namespace StreamPrivacy.Core.Windowing;

/// <summary>What an observation did to an alert's state.</summary>
internal enum AlertTransition
{
    /// <summary>No change to report.</summary>
    None = 0,

    /// <summary>The alert was raised by this window.</summary>
    Raised = 1,

    /// <summary>The raised alert was resolved by this window.</summary>
    Resolved = 2,
}
