using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Microsoft.Extensions.Logging;
using StreamPrivacy.Kafka.Configuration;
using StreamPrivacy.Kafka.Embedded;

namespace StreamPrivacy.Kafka.Hosting;

/// <summary>
/// Creates the pipeline's topics when they are missing: through the embedded cluster's API (the
/// mock cluster has no CreateTopics), or through the Admin API of a real cluster, with the ledger
/// compacted. In production, topics are normally managed declaratively (Strimzi KafkaTopic).
/// </summary>
public static class TopicProvisioner
{
    /// <summary>Creates every topic of <paramref name="topics"/> on the embedded cluster.</summary>
    public static void Provision(EmbeddedKafkaCluster cluster, TopicOptions topics, int partitions)
    {
        foreach (var topic in topics.All)
        {
            cluster.CreateTopic(topic, partitions);
        }
    }

    /// <summary>Creates missing topics on a real cluster; existing topics are left unchanged.</summary>
    public static async Task ProvisionAsync(ClientConfig clientConfig, TopicOptions topics, int partitions, short replicationFactor, ILogger logger)
    {
        using var admin = new AdminClientBuilder(clientConfig).Build();
        HashSet<string> existing;
        try
        {
            existing = admin.GetMetadata(TimeSpan.FromSeconds(15)).Topics
                .Where(t => !t.Error.IsError).Select(t => t.Topic).ToHashSet(StringComparer.Ordinal);
        }
        catch (KafkaException ex)
        {
            logger.LogWarning("Topic provisioning skipped, metadata unavailable: {Code}", ex.Error.Code);
            return;
        }

        var specs = topics.All.Where(name => !existing.Contains(name)).Select(name => new TopicSpecification
        {
            Name = name,
            NumPartitions = partitions,
            ReplicationFactor = replicationFactor,
            Configs = string.Equals(name, topics.Ledger, StringComparison.Ordinal)
                ? new Dictionary<string, string> { ["cleanup.policy"] = "compact" }
                : null,
        }).ToList();
        if (specs.Count == 0)
        {
            return;
        }

        try
        {
            await admin.CreateTopicsAsync(specs, new CreateTopicsOptions { RequestTimeout = TimeSpan.FromSeconds(15), OperationTimeout = TimeSpan.FromSeconds(15) });
        }
        catch (CreateTopicsException ex)
        {
            foreach (var result in ex.Results.Where(r => r.Error.IsError && r.Error.Code != ErrorCode.TopicAlreadyExists))
            {
                logger.LogWarning("Could not create topic {Topic}: {Code}", result.Topic, result.Error.Code);
            }
        }
        catch (KafkaException ex)
        {
            // Not fatal: topics may be managed elsewhere (Strimzi, Terraform) or the cluster may not
            // offer CreateTopics; stages then fail loudly only if a topic is really missing.
            logger.LogWarning("Topic provisioning skipped: {Code} {Reason}", ex.Error.Code, ex.Error.Reason);
        }
    }
}
