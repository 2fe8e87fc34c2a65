using System.Text.Json;
using Confluent.Kafka;
using StreamPrivacy.Core.Drift;
using StreamPrivacy.Kafka.Serdes;

namespace StreamPrivacy.Kafka.Reference;

/// <summary>
/// Reads a topic from the beginning to the end offsets it had when reading started and feeds the
/// events of a <see cref="PinnedWindow"/> to a <see cref="ReferenceProfileBuilder"/>. Partitions
/// are assigned directly: no consumer group membership, no offset commits.
/// </summary>
/// <remarks>
/// The pinned events become public reference data, binned exactly and not noised, like a
/// reference file: pin only windows that may be published as a baseline.
/// </remarks>
public static class PinnedWindowReader
{
    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Reads the window's events into <paramref name="builder"/>.</summary>
    /// <param name="bootstrapServers">Kafka bootstrap servers.</param>
    /// <param name="properties">Extra librdkafka properties (e.g. security), applied to both clients.</param>
    /// <param name="window">The events to keep.</param>
    /// <param name="builder">Receives every matching event.</param>
    /// <param name="timeout">Upper bound on the whole read.</param>
    /// <param name="ct">Cancels the read.</param>
    /// <exception cref="InvalidOperationException">The topic does not exist or has no partitions.</exception>
    /// <exception cref="TimeoutException">The end offsets were not reached within <paramref name="timeout"/>.</exception>
    /// <exception cref="KafkaException">A client error.</exception>
    public static PinnedWindowCounts Read(
        string bootstrapServers, IReadOnlyDictionary<string, string> properties, PinnedWindow window,
        ReferenceProfileBuilder builder, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        var partitions = Partitions(bootstrapServers, properties, window.Topic);
        using var consumer = new ConsumerBuilder<Ignore, byte[]?>(ConsumerConfig(bootstrapServers, properties)).Build();

        // Next offset to reach per partition; only partitions with records are read.
        var ends = new Dictionary<int, long>();
        foreach (var partition in partitions)
        {
            var marks = consumer.QueryWatermarkOffsets(new TopicPartition(window.Topic, partition), MetadataTimeout);
            if (marks.High.Value > marks.Low.Value)
            {
                ends[partition] = marks.High.Value;
            }
        }

        consumer.Assign(ends.Keys.Select(p => new TopicPartitionOffset(window.Topic, p, Offset.Beginning)));
        var codec = new AvroSingleObjectCodec(AvroSchemaCatalog.Default);
        long records = 0, matched = 0, unreadable = 0;
        while (ends.Count > 0)
        {
            ct.ThrowIfCancellationRequested();
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Reading {window.Topic} did not reach the end offsets within {timeout.TotalSeconds:0} s ({ends.Count} partitions left).");
            }

            var result = consumer.Consume(PollInterval);
            if (result is null || !ends.TryGetValue(result.Partition.Value, out var end))
            {
                continue;
            }

            // EOF before the queried end: the rest is not readable yet (e.g. an open transaction).
            if (result.IsPartitionEOF || result.Offset.Value >= end)
            {
                ends.Remove(result.Partition.Value);
                continue;
            }

            records++;
            switch (Add(result.Message.Value, codec, window, builder))
            {
                case true:
                    matched++;
                    break;
                case null:
                    unreadable++;
                    break;
            }

            if (result.Offset.Value + 1 >= end)
            {
                ends.Remove(result.Partition.Value);
            }
        }

        consumer.Close();
        return new PinnedWindowCounts(partitions.Count, records, matched, unreadable);
    }

    /// <summary>True: added; false: outside the window; null: unreadable. Payloads never reach messages.</summary>
    private static bool? Add(byte[]? value, AvroSingleObjectCodec codec, PinnedWindow window, ReferenceProfileBuilder builder)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(EventPayload.ToUtf8Json(value, codec));
            if (!window.Contains(document.RootElement))
            {
                return false;
            }

            builder.AddEvent(document.RootElement);
            return true;
        }
        catch (Exception ex) when (ex is SerdeException or JsonException)
        {
            return null;
        }
    }

    private static List<int> Partitions(string bootstrapServers, IReadOnlyDictionary<string, string> properties, string topic)
    {
        var config = new AdminClientConfig { BootstrapServers = bootstrapServers };
        Apply(config, properties);
        using var admin = new AdminClientBuilder(config).Build();
        var metadata = admin.GetMetadata(topic, MetadataTimeout).Topics.SingleOrDefault(t => string.Equals(t.Topic, topic, StringComparison.Ordinal));
        if (metadata is null || metadata.Error.IsError || metadata.Partitions.Count == 0)
        {
            var reason = metadata is null ? "no metadata" : metadata.Error.IsError ? metadata.Error.Code.ToString() : "no partitions";
            throw new InvalidOperationException($"Topic {topic} is not available ({reason}).");
        }

        return [.. metadata.Partitions.Select(p => p.PartitionId).Order()];
    }

    private static ConsumerConfig ConsumerConfig(string bootstrapServers, IReadOnlyDictionary<string, string> properties)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            ClientId = "streamprivacy-profile",
            IsolationLevel = IsolationLevel.ReadCommitted,
        };
        Apply(config, properties);

        // Assign-only reader: the group id is never joined and nothing is committed.
        config.GroupId = "streamprivacy-profile-" + Guid.NewGuid().ToString("N");
        config.EnableAutoCommit = false;
        config.EnableAutoOffsetStore = false;
        config.EnablePartitionEof = true;
        return config;
    }

    private static void Apply(ClientConfig config, IReadOnlyDictionary<string, string> properties)
    {
        foreach (var (key, value) in properties)
        {
            config.Set(key, value);
        }
    }
}
