namespace StreamPrivacy.Core.Lineage;

/// <summary>OpenLineage run state transitions used by the pipeline.</summary>
public enum LineageEventType
{
    /// <summary>A stage started.</summary>
    Start = 0,

    /// <summary>A stage is running and reports progress (e.g. a window release).</summary>
    Running = 1,

    /// <summary>A stage stopped gracefully.</summary>
    Complete = 2,

    /// <summary>A stage crashed (reported when it still can).</summary>
    Fail = 3,
}
