using Confluent.Kafka;
using StreamPrivacy.Kafka.Embedded;
using Xunit.Abstractions;

namespace StreamPrivacy.Kafka.Tests.Embedded;

/// <summary>Our P/Invokes must share Confluent.Kafka's copy of librdkafka, never load a second one.</summary>
public sealed class LibrdkafkaResolverTests
{
    private readonly ITestOutputHelper _output;

    public LibrdkafkaResolverTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [SkippableFact]
    public void EnsureLoaded_AfterClientsAndCluster_BindsToTheSingleMappedLibrdkafka()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "/proc/self/maps is Linux only");

        var path = LibrdkafkaResolver.EnsureLoaded();
        using (var cluster = EmbeddedKafkaCluster.Start(1))
        using (var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers }).Build())
        {
            // Exercise both sides: our mock-cluster calls and Confluent.Kafka's client calls.
            producer.Produce("resolver-check", new Message<Null, string> { Value = "x" });
            Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(10)));
        }

        var mapped = LibrdkafkaResolver.MappedLibrdkafkaFiles();
        _output.WriteLine($"resolved: {path}");
        _output.WriteLine($"mapped: {string.Join(", ", mapped)}");

        Assert.Equal(path, Assert.Single(mapped));
        Assert.Equal(path, LibrdkafkaResolver.LoadedPath);
    }

    [Fact]
    public void EnsureLoaded_CalledConcurrently_ReturnsOnePath()
    {
        var paths = new string[8];
        Parallel.For(0, paths.Length, i => paths[i] = LibrdkafkaResolver.EnsureLoaded());

        Assert.Single(paths.Distinct());
        Assert.True(File.Exists(paths[0]), paths[0]);
    }
}
