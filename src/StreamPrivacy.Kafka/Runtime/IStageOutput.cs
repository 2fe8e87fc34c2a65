using Confluent.Kafka;

namespace StreamPrivacy.Kafka.Runtime;

/// <summary>Where a processor emits its outputs; the runner owns delivery and acknowledgement.</summary>
public interface IStageOutput
{
    /// <summary>Queues a record for <paramref name="topic"/>; the input offset is committed only after it is acknowledged.</summary>
    void Produce(string topic, byte[]? key, byte[] value, Headers? headers = null);

    /// <summary>Queues a record for one partition of <paramref name="topic"/> (e.g. a broadcast marker).</summary>
    void Produce(string topic, int partition, byte[]? key, byte[] value);

    /// <summary>Number of partitions of <paramref name="topic"/> (from cluster metadata, cached briefly).</summary>
    /// <exception cref="StageFailedException">The topic does not exist or metadata is unavailable.</exception>
    int PartitionCount(string topic);

    /// <summary>
    /// Blocks until every record queued so far is acknowledged, so that what follows is only produced
    /// after it (e.g. a ledger record before the release it describes).
    /// </summary>
    /// <exception cref="StageFailedException">A delivery failed or timed out.</exception>
    void Flush();
}
