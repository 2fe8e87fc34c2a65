namespace StreamPrivacy.Core.Windowing;

/// <summary>What merging a partial did.</summary>
internal enum PartialMergeResult
{
    /// <summary>Counts added.</summary>
    Merged = 0,

    /// <summary>This source partition was merged already (a replay); ignored.</summary>
    Duplicate = 1,

    /// <summary>Bins differ from the partials merged so far (another reference profile); ignored and counted.</summary>
    ReferenceMismatch = 2,

    /// <summary>The window was released already; ignored (a released window is a fact).</summary>
    AlreadyReleased = 3,
}
