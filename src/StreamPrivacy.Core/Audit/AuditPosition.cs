namespace StreamPrivacy.Core.Audit;

/// <summary>Where a record sits in the ledger topic.</summary>
/// <param name="Partition">Partition.</param>
/// <param name="Offset">Offset within the partition.</param>
public readonly record struct AuditPosition(int Partition, long Offset)
{
    /// <inheritdoc />
    public override string ToString() => $"partition {Partition} offset {Offset}";
}
