using Confluent.Kafka;

namespace StreamPrivacy.Kafka.Runtime;

/// <summary>
/// A processor that holds state across records (open windows, pending merges). The runner tells it
/// about assignments, gives it a periodic tick to emit time-driven output, and commits, per
/// partition, only the offset it says is safe: every record at or after that offset may still be
/// needed to rebuild its state after a restart or a move to another instance.
/// </summary>
public interface IStatefulProcessor : IRecordProcessor
{
    /// <summary>Partitions newly assigned to this instance (state is rebuilt from their committed offsets).</summary>
    void OnAssigned(IReadOnlyList<TopicPartition> partitions);

    /// <summary>Partitions taken away (after the runner committed their safe offsets): drop their state.</summary>
    void OnRevoked(IReadOnlyList<TopicPartition> partitions);

    /// <summary>
    /// The consumer has read <paramref name="partition"/> to its current end (no lag). Lets event-time
    /// stages tell an idle partition from one that is merely behind.
    /// </summary>
    void OnPartitionEof(TopicPartition partition)
    {
    }

    /// <summary>
    /// Exactly-once only: the open transaction was aborted, so nothing produced since the last commit
    /// will ever be visible. Drop state derived from those outputs (e.g. releases recorded in memory);
    /// the runner then calls <see cref="OnRevoked"/> and <see cref="OnAssigned"/> for the partitions it
    /// still owns, after seeking them back to their committed offsets.
    /// </summary>
    void OnAborted()
    {
    }

    /// <summary>Called about every 100 ms from the consume loop: close windows, emit markers, release.</summary>
    void Tick(IStageOutput output);

    /// <summary>
    /// The offset to commit for <paramref name="partition"/> given that records before
    /// <paramref name="processed"/> were processed: at most <paramref name="processed"/>, lower while
    /// earlier records still feed open state.
    /// </summary>
    Offset SafeOffset(TopicPartition partition, Offset processed);
}
