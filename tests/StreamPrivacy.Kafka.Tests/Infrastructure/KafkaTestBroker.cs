using Confluent.Kafka;
using Confluent.Kafka.Admin;
using StreamPrivacy.Kafka.Embedded;
using Testcontainers.Kafka;

namespace StreamPrivacy.Kafka.Tests.Infrastructure;

/// <summary>
/// The Kafka broker a test talks to, whichever tier is available: an external broker
/// (KAFKA_BOOTSTRAP_SERVERS), a Testcontainers broker when Docker is usable, or the embedded mock cluster.
/// Tests that need real-broker semantics check <see cref="SupportsTransactions"/> and skip with a reason.
/// </summary>
public sealed class KafkaTestBroker : IAsyncDisposable
{
    /// <summary>Environment variable naming an already running broker.</summary>
    public const string BootstrapServersVariable = "KAFKA_BOOTSTRAP_SERVERS";

    /// <summary>Environment variable overriding how long a Testcontainers broker may take to start (seconds).</summary>
    public const string ContainerTimeoutVariable = "KAFKA_TESTCONTAINERS_TIMEOUT_SECONDS";

    /// <summary>Image used for the Testcontainers tier.</summary>
    public const string KafkaImage = "confluentinc/cp-kafka:7.5.12";

    /// <summary>Printed by tests that skip because the embedded cluster cannot honour transactions.</summary>
    public const string NoTransactionsReason =
        "embedded mock cluster has no transaction isolation; set KAFKA_BOOTSTRAP_SERVERS or run Docker";

    private static readonly TimeSpan DefaultContainerTimeout = TimeSpan.FromSeconds(180);

    private readonly KafkaContainer? _container;

    private KafkaTestBroker(KafkaBrokerKind kind, string bootstrapServers, string description,
        EmbeddedKafkaCluster? embedded, KafkaContainer? container)
    {
        Kind = kind;
        BootstrapServers = bootstrapServers;
        Description = description;
        Embedded = embedded;
        _container = container;
    }

    /// <summary>Which tier is in use.</summary>
    public KafkaBrokerKind Kind { get; }

    /// <summary>bootstrap.servers for clients.</summary>
    public string BootstrapServers { get; }

    /// <summary>Which broker was picked and why, for test output.</summary>
    public string Description { get; }

    /// <summary>True when read_committed isolation really hides aborted transactions (not on the mock cluster).</summary>
    public bool SupportsTransactions => Kind != KafkaBrokerKind.Embedded;

    /// <summary>True when broker outages, latency and request errors can be injected (embedded only).</summary>
    public bool SupportsFaultInjection => Kind == KafkaBrokerKind.Embedded;

    /// <summary>The embedded cluster when <see cref="Kind"/> is <see cref="KafkaBrokerKind.Embedded"/>, else null.</summary>
    public EmbeddedKafkaCluster? Embedded { get; }

    /// <summary>
    /// Picks a broker: KAFKA_BOOTSTRAP_SERVERS if set, else a Testcontainers broker if Docker looks usable and
    /// the container starts in time, else the embedded cluster. The choice and the reason go to
    /// <paramref name="log"/> and the console.
    /// </summary>
    /// <param name="log">Where to report the choice (e.g. ITestOutputHelper.WriteLine); may be null.</param>
    /// <param name="cancellationToken">Cancels a container start.</param>
    /// <returns>A started broker; dispose it when done.</returns>
    public static async Task<KafkaTestBroker> StartAsync(Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        var broker = await PickAsync(cancellationToken);
        var message = $"[kafka-test-broker] {broker.Kind}: {broker.BootstrapServers} ({broker.Description})";
        Console.WriteLine(message);
        log?.Invoke(message);
        return broker;
    }

    /// <summary>Starts an embedded cluster directly, for tests that need fault injection on a private cluster.</summary>
    /// <param name="brokerCount">Number of mock brokers.</param>
    /// <returns>An embedded broker.</returns>
    public static KafkaTestBroker StartEmbedded(int brokerCount = 3) =>
        Embed(brokerCount, "requested explicitly");

    /// <summary>Creates a topic; an existing topic is fine.</summary>
    /// <param name="name">Topic name.</param>
    /// <param name="partitions">Partition count.</param>
    /// <returns>A task that completes when the topic exists.</returns>
    public async Task CreateTopicAsync(string name, int partitions)
    {
        if (Embedded is not null)
        {
            Embedded.CreateTopic(name, partitions, Math.Min(3, Embedded.BrokerCount));
            return;
        }

        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = BootstrapServers }).Build();
        try
        {
            await admin.CreateTopicsAsync(
                [new TopicSpecification { Name = name, NumPartitions = partitions, ReplicationFactor = -1 }],
                new CreateTopicsOptions { RequestTimeout = TimeSpan.FromSeconds(30), OperationTimeout = TimeSpan.FromSeconds(30) });
        }
        catch (CreateTopicsException ex) when (ex.Results.All(r => r.Error.Code is ErrorCode.NoError or ErrorCode.TopicAlreadyExists))
        {
            // Idempotent by design: reruns against an external broker reuse topics.
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Embedded?.Dispose();
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }

    private static async Task<KafkaTestBroker> PickAsync(CancellationToken cancellationToken)
    {
        var external = Environment.GetEnvironmentVariable(BootstrapServersVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new KafkaTestBroker(KafkaBrokerKind.External, external.Trim(),
                $"{BootstrapServersVariable} is set", null, null);
        }

        var dockerHint = DockerHint();
        if (dockerHint is null)
        {
            return Embed(3, "no Docker: DOCKER_HOST unset and /var/run/docker.sock missing");
        }

        var timeout = ContainerTimeout();
        KafkaContainer? container = null;
        try
        {
            container = new KafkaBuilder(KafkaImage).Build();
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(timeout);
            await container.StartAsync(cts.Token);
            return new KafkaTestBroker(KafkaBrokerKind.Testcontainers, container.GetBootstrapAddress(),
                $"Docker found via {dockerHint}; {KafkaImage}", null, container);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            if (container is not null)
            {
                await DisposeQuietlyAsync(container);
            }

            var reason = ex is OperationCanceledException
                ? $"Testcontainers broker did not start within {timeout.TotalSeconds:0} s"
                : $"Testcontainers failed ({ex.GetType().Name}: {FirstLine(ex.Message)})";
            return Embed(3, $"Docker found via {dockerHint} but {reason}");
        }
    }

    private static KafkaTestBroker Embed(int brokerCount, string reason)
    {
        var cluster = EmbeddedKafkaCluster.Start(brokerCount);
        return new KafkaTestBroker(KafkaBrokerKind.Embedded, cluster.BootstrapServers,
            $"{reason}; embedded mock cluster with {brokerCount} brokers", cluster, null);
    }

    private static string? DockerHint()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (!string.IsNullOrWhiteSpace(host))
        {
            return "DOCKER_HOST";
        }

        return File.Exists("/var/run/docker.sock") ? "/var/run/docker.sock" : null;
    }

    private static TimeSpan ContainerTimeout()
    {
        var text = Environment.GetEnvironmentVariable(ContainerTimeoutVariable);
        return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : DefaultContainerTimeout;
    }

    private static async Task DisposeQuietlyAsync(KafkaContainer container)
    {
        try
        {
            await container.DisposeAsync();
        }
        catch (Exception)
        {
            // Already falling back; a failed cleanup must not hide the reason we are falling back for.
        }
    }

    private static string FirstLine(string text)
    {
        var newline = text.IndexOfAny(['\r', '\n']);
        return newline < 0 ? text : text[..newline];
    }
}
