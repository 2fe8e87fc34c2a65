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
        var specs = topics.All.Select(name => new TopicSpecification
        {
            Name = name,
            NumPartitions = partitions,
            ReplicationFactor = replicationFactor,
            Configs = string.Equals(name, topics.Ledger, StringComparison.Ordinal)
                ? new Dictionary<string, string> { ["cleanup.policy"] = "compact" }
                : null,
        }).ToList();
        try
        {
            await admin.CreateTopicsAsync(specs);
        }
        catch (CreateTopicsException ex)
        {
            foreach (var result in ex.Results.Where(r => r.Error.IsError && r.Error.Code != ErrorCode.TopicAlreadyExists))
            {
                logger.LogWarning("Could not create topic {Topic}: {Code}", result.Topic, result.Error.Code);
            }
        }
    }
}
