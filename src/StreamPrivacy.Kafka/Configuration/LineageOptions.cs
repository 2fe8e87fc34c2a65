namespace StreamPrivacy.Kafka.Configuration;

/// <summary>OpenLineage run events to the lineage topic (START, RUNNING per release, COMPLETE, FAIL).</summary>
public sealed class LineageOptions
{
    /// <summary>Emit lineage events. Default true.</summary>
    public bool Enabled { get; set; } = true;
}
