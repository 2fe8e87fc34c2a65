namespace StreamPrivacy.Kafka.Tests.Infrastructure;

/// <summary>Which kind of Kafka broker a test run is using.</summary>
public enum KafkaBrokerKind
{
    /// <summary>A broker given by the KAFKA_BOOTSTRAP_SERVERS environment variable.</summary>
    External,

    /// <summary>A real Kafka broker in a Docker container started by Testcontainers.</summary>
    Testcontainers,

    /// <summary>librdkafka's in-process mock cluster (<see cref="StreamPrivacy.Kafka.Embedded.EmbeddedKafkaCluster"/>).</summary>
    Embedded,
}
