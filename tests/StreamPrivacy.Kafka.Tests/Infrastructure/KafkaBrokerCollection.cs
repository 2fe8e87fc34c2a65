namespace StreamPrivacy.Kafka.Tests.Infrastructure;

/// <summary>Tests sharing one <see cref="KafkaBrokerFixture"/> broker.</summary>
[CollectionDefinition(Name)]
public sealed class KafkaBrokerCollection : ICollectionFixture<KafkaBrokerFixture>
{
    /// <summary>Collection name for [Collection(...)].</summary>
    public const string Name = "Kafka broker";
}
