using Confluent.Kafka;
using StreamPrivacy.Core.Policy;
using StreamPrivacy.Core.Privacy;
using StreamPrivacy.Core.Sanitization;
using StreamPrivacy.Kafka.Configuration;

namespace StreamPrivacy.Cli.Demo;

/// <summary>
/// After the demo: reads every record on the sanitized topics back from the brokers and scans it with
/// the full detector set, as an outside auditor would. Counts only; never prints values.
/// </summary>
internal static class SanitizedTopicAudit
{
    public sealed record Result(long Scanned, long Leaks);

    public static Result CountLeaks(string bootstrap, TopicOptions topics)
    {
        var verifier = new SanitizerFactory(PolicyLoader.Default, new KeyRing(null, null, null, _ => { }), TimeProvider.System).CreateVerifier();
        using var consumer = new ConsumerBuilder<Ignore, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = "demo-audit-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            EnablePartitionEof = true,
            PartitionAssignmentStrategy = PartitionAssignmentStrategy.Range,
        }).Build();
        consumer.Subscribe([topics.InferenceSanitized, topics.FeaturesSanitized]);
        long scanned = 0, leaks = 0;
        var idle = System.Diagnostics.Stopwatch.StartNew();
        var eofs = new HashSet<TopicPartition>();
        while (idle.Elapsed < TimeSpan.FromSeconds(5))
        {
            var record = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (record is null)
            {
                if (eofs.Count > 0 && eofs.Count == consumer.Assignment.Count)
                {
                    break;
                }

                continue;
            }

            if (record.IsPartitionEOF)
            {
                eofs.Add(record.TopicPartition);
                if (eofs.Count == consumer.Assignment.Count)
                {
                    break;
                }

                continue;
            }

            eofs.Remove(record.TopicPartition);
            idle.Restart();
            scanned++;
            if (verifier.FindLeak(record.Message.Value) is not null)
            {
                leaks++;
            }
        }

        consumer.Close();
        return new Result(scanned, leaks);
    }
}
