namespace StreamPrivacy.Core.Windowing;

/// <summary>What <see cref="WindowedAggregator{TState}"/> did with a record.</summary>
internal enum WindowAddResult
{
    /// <summary>The record updated the state of at least one open window.</summary>
    Counted = 0,

    /// <summary>Every window of the record had closed; counted as late, no state changed.</summary>
    Late = 1,

    /// <summary>The subject had reached its contribution bound in every open window of the record.</summary>
    OverContributionBound = 2,
}
