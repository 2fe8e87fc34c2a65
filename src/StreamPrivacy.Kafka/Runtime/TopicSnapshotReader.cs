using Confluent.Kafka;

namespace StreamPrivacy.Kafka.Runtime;

/// <summary>
/// Reads a whole topic as it is now (every partition from its start to the current end), without a
/// consumer group: how a stage restores state kept in a topic (the release ledger).
/// </summary>
internal static class TopicSnapshotReader
{
    /// <summary>Returns every record of <paramref name="topic"/>, in partition then offset order.</summary>
    /// <exception cref="StageFailedException">The topic could not be read within <paramref name="timeout"/>.</exception>
    public static IReadOnlyList<SnapshotRecord> ReadAll(StageRunnerOptions options, string topic, TimeSpan timeout)
    {
        var records = new List<SnapshotRecord>();
        Read(options, topic, timeout, records.Add);
        records.Sort((a, b) => a.Partition != b.Partition ? a.Partition.CompareTo(b.Partition) : a.Offset.CompareTo(b.Offset));
        return records;
    }

    /// <summary>
    /// Calls <paramref name="onRecord"/> for every record of <paramref name="topic"/> (offset order within
    /// a partition, partitions interleaved), without holding the topic in memory. A topic that does not exist has no records.
    /// </summary>
    /// <exception cref="StageFailedException">The topic could not be read within <paramref name="timeout"/>.</exception>
    public static void ReadEach(StageRunnerOptions options, string topic, TimeSpan timeout, Action<byte[]?, byte[]> onRecord) =>
        Read(options, topic, timeout, record => onRecord(record.Key, record.Value));

    private static void Read(StageRunnerOptions options, string topic, TimeSpan timeout, Action<SnapshotRecord> onRecord)
    {
        var config = KafkaClientConfigs.Consumer(options);
        config.GroupId = options.GroupId + "-snapshot";
        config.EnablePartitionEof = true;
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(config).Build();
        using var admin = new DependentAdminClientBuilder(consumer.Handle).Build();
        var metadata = admin.GetMetadata(topic, timeout);
        var partitions = metadata.Topics.Where(t => t.Topic == topic).SelectMany(t => t.Partitions).Select(p => new TopicPartition(topic, p.PartitionId)).ToList();
        var ends = new Dictionary<TopicPartition, long>();
        foreach (var p in partitions)
        {
            var marks = consumer.QueryWatermarkOffsets(p, timeout);
            if (marks.High.Value > marks.Low.Value)
            {
                ends[p] = marks.High.Value;
            }
        }

        if (ends.Count == 0)
        {
            return;
        }

        consumer.Assign(ends.Keys.Select(p => new TopicPartitionOffset(p, Offset.Beginning)));
        var deadline = DateTime.UtcNow + timeout;
        var open = new HashSet<TopicPartition>(ends.Keys);
        while (open.Count > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new StageFailedException($"reading topic '{topic}' did not finish within {timeout}");
            }

            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result is null)
            {
                continue;
            }

            if (!result.IsPartitionEOF && result.Message.Value is { } value)
            {
                onRecord(new SnapshotRecord(result.Message.Key, value, result.Partition.Value, result.Offset.Value));
            }

            if (result.IsPartitionEOF || result.Offset.Value + 1 >= ends[result.TopicPartition])
            {
                open.Remove(result.TopicPartition);
            }
        }

        consumer.Close();
    }
}
