using System.Diagnostics;
using Confluent.Kafka;

namespace StreamPrivacy.Kafka.Tests.Infrastructure;

/// <summary>Unique names and client configurations tuned for fast, bounded tests.</summary>
public static class KafkaTestClients
{
    /// <summary>A topic name no other test (or earlier run against an external broker) uses.</summary>
    /// <param name="prefix">Readable prefix, e.g. the test's subject.</param>
    /// <returns>prefix-&lt;32 hex digits&gt;.</returns>
    public static string UniqueTopic(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>A consumer group id no other test uses.</summary>
    /// <param name="prefix">Readable prefix.</param>
    /// <returns>prefix-group-&lt;32 hex digits&gt;.</returns>
    public static string UniqueGroup(string prefix) => $"{prefix}-group-{Guid.NewGuid():N}";

    /// <summary>
    /// Producer settings: short linger, quick reconnects and a bounded message timeout so a broken
    /// broker fails the test instead of hanging it.
    /// </summary>
    /// <param name="bootstrapServers">bootstrap.servers.</param>
    /// <returns>A fresh config the caller may further adjust.</returns>
    public static ProducerConfig Producer(string bootstrapServers) => new()
    {
        BootstrapServers = bootstrapServers,
        LingerMs = 5,
        MessageTimeoutMs = 30_000,
        SocketTimeoutMs = 10_000,
        RetryBackoffMs = 50,
        RetryBackoffMaxMs = 500,
        ReconnectBackoffMs = 50,
        ReconnectBackoffMaxMs = 500,
    };

    /// <summary>
    /// Consumer settings: earliest offset, manual commits and the Range assignor (cooperative-sticky was
    /// seen to hang on the mock cluster).
    /// </summary>
    /// <param name="bootstrapServers">bootstrap.servers.</param>
    /// <param name="groupId">Consumer group id.</param>
    /// <param name="sessionTimeoutMs">
    /// session.timeout.ms. 6000 is the lowest a default real broker accepts; below that only on the embedded
    /// cluster, where a group whose last member left makes the next joiner wait (session timeout - 1 s).
    /// </param>
    /// <returns>A fresh config the caller may further adjust.</returns>
    public static ConsumerConfig Consumer(string bootstrapServers, string groupId, int sessionTimeoutMs = 6_000) => new()
    {
        BootstrapServers = bootstrapServers,
        GroupId = groupId,
        AutoOffsetReset = AutoOffsetReset.Earliest,
        EnableAutoCommit = false,
        PartitionAssignmentStrategy = PartitionAssignmentStrategy.Range,
        SessionTimeoutMs = sessionTimeoutMs,
        HeartbeatIntervalMs = Math.Max(100, sessionTimeoutMs / 6),
        ReconnectBackoffMs = 50,
        ReconnectBackoffMaxMs = 500,
        TopicMetadataRefreshIntervalMs = 1_000,
    };

    /// <summary>Consumes until <paramref name="count"/> messages arrived or <paramref name="timeout"/> passed.</summary>
    /// <typeparam name="TKey">Key type.</typeparam>
    /// <typeparam name="TValue">Value type.</typeparam>
    /// <param name="consumer">A subscribed or assigned consumer.</param>
    /// <param name="count">How many messages to wait for.</param>
    /// <param name="timeout">Upper bound on the whole wait.</param>
    /// <returns>What arrived, in consumption order; fewer than <paramref name="count"/> on timeout.</returns>
    public static List<ConsumeResult<TKey, TValue>> ConsumeUpTo<TKey, TValue>(
        IConsumer<TKey, TValue> consumer, int count, TimeSpan timeout)
    {
        var results = new List<ConsumeResult<TKey, TValue>>(count);
        var clock = Stopwatch.StartNew();
        while (results.Count < count && clock.Elapsed < timeout)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result is not null && !result.IsPartitionEOF)
            {
                results.Add(result);
            }
        }

        return results;
    }
}
