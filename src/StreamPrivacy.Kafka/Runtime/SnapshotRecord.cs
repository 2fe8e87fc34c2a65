namespace StreamPrivacy.Kafka.Runtime;

/// <summary>One record of a topic snapshot (<see cref="TopicSnapshotReader"/>), with its position.</summary>
/// <param name="Key">Record key.</param>
/// <param name="Value">Record value.</param>
/// <param name="Partition">Partition.</param>
/// <param name="Offset">Offset.</param>
public readonly record struct SnapshotRecord(byte[]? Key, byte[] Value, int Partition, long Offset);
