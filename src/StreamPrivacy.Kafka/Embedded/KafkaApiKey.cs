namespace StreamPrivacy.Kafka.Embedded;

/// <summary>
/// Kafka protocol request types (ApiKeys) that the embedded cluster can inject errors into.
/// The numeric values are the wire values from the Kafka protocol specification.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1028:Enum Storage should be Int32",
    Justification = "Kafka ApiKeys are int16 on the wire and in librdkafka's mock API.")]
public enum KafkaApiKey : short
{
    /// <summary>ProduceRequest.</summary>
    Produce = 0,

    /// <summary>FetchRequest.</summary>
    Fetch = 1,

    /// <summary>ListOffsetsRequest.</summary>
    ListOffsets = 2,

    /// <summary>MetadataRequest.</summary>
    Metadata = 3,

    /// <summary>OffsetCommitRequest.</summary>
    OffsetCommit = 8,

    /// <summary>OffsetFetchRequest.</summary>
    OffsetFetch = 9,

    /// <summary>FindCoordinatorRequest.</summary>
    FindCoordinator = 10,

    /// <summary>JoinGroupRequest.</summary>
    JoinGroup = 11,

    /// <summary>HeartbeatRequest.</summary>
    Heartbeat = 12,

    /// <summary>LeaveGroupRequest.</summary>
    LeaveGroup = 13,

    /// <summary>SyncGroupRequest.</summary>
    SyncGroup = 14,

    /// <summary>InitProducerIdRequest.</summary>
    InitProducerId = 22,

    /// <summary>AddPartitionsToTxnRequest.</summary>
    AddPartitionsToTxn = 24,

    /// <summary>AddOffsetsToTxnRequest.</summary>
    AddOffsetsToTxn = 25,

    /// <summary>EndTxnRequest.</summary>
    EndTxn = 26,

    /// <summary>TxnOffsetCommitRequest.</summary>
    TxnOffsetCommit = 28,
}
