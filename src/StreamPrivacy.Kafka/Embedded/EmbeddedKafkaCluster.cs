using System.Globalization;
using System.Runtime.InteropServices;
using Confluent.Kafka;

namespace StreamPrivacy.Kafka.Embedded;

/// <summary>
/// An in-process Kafka cluster: librdkafka's mock cluster, which speaks the real Kafka protocol over
/// TCP on 127.0.0.1, so ordinary Confluent.Kafka producers, consumers and admin clients can use
/// <see cref="BootstrapServers"/> unchanged. Meant for the CLI demo mode, benchmarks and tests; it adds
/// fault injection (broker outages, latency, per-request errors) that a real broker cannot offer cheaply.
/// </summary>
/// <remarks>
/// Limits of the mock: no transaction isolation (read_committed consumers see aborted data), no
/// CreateTopics admin API (use <see cref="CreateTopic"/>), data lives in memory with each partition log
/// capped at a few MB, and brokers do not replicate (a down broker does not move leadership).
/// </remarks>
public sealed class EmbeddedKafkaCluster : IDisposable
{
    private const int ErrorBufferSize = 512;

    private readonly Lock _gate = new();
    private nint _owner;
    private nint _cluster;

    private EmbeddedKafkaCluster(nint owner, nint cluster, string bootstrapServers, int brokerCount)
    {
        _owner = owner;
        _cluster = cluster;
        BootstrapServers = bootstrapServers;
        BrokerCount = brokerCount;
    }

    /// <summary>Comma-separated host:port list of the mock brokers, for <c>bootstrap.servers</c>.</summary>
    public string BootstrapServers { get; }

    /// <summary>Number of brokers; their ids are 1..<see cref="BrokerCount"/>.</summary>
    public int BrokerCount { get; }

    /// <summary>Starts a mock cluster with <paramref name="brokerCount"/> brokers listening on 127.0.0.1.</summary>
    /// <param name="brokerCount">Number of brokers (at least 1).</param>
    /// <returns>The running cluster; dispose it to stop the brokers.</returns>
    /// <exception cref="EmbeddedKafkaException">librdkafka could not be loaded or the cluster could not start.</exception>
    public static unsafe EmbeddedKafkaCluster Start(int brokerCount = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokerCount, 1);
        LibrdkafkaResolver.EnsureLoaded();

        var conf = LibrdkafkaNative.ConfNew();
        if (conf == 0)
        {
            throw new EmbeddedKafkaException("rd_kafka_conf_new failed.");
        }

        var errors = stackalloc byte[ErrorBufferSize];

        // The owner handle never connects anywhere; it only hosts the mock cluster. Keep it quiet: without
        // bootstrap.servers it would otherwise warn on stderr at every start.
        if (LibrdkafkaNative.ConfSet(conf, "log_level", "3", errors, ErrorBufferSize) != LibrdkafkaNative.ConfOk)
        {
            LibrdkafkaNative.ConfDestroy(conf);
            throw new EmbeddedKafkaException("Could not configure the mock cluster owner: " + Utf8(errors));
        }

        var owner = LibrdkafkaNative.New(LibrdkafkaNative.ProducerType, conf, errors, ErrorBufferSize);
        if (owner == 0)
        {
            // rd_kafka_new only takes ownership of conf on success.
            LibrdkafkaNative.ConfDestroy(conf);
            throw new EmbeddedKafkaException("Could not create the librdkafka handle that owns the mock cluster: " + Utf8(errors));
        }

        var cluster = LibrdkafkaNative.MockClusterNew(owner, brokerCount);
        if (cluster == 0)
        {
            LibrdkafkaNative.Destroy(owner);
            throw new EmbeddedKafkaException(
                $"librdkafka could not start a mock cluster with {brokerCount} broker(s) (could it bind to 127.0.0.1?).");
        }

        // Kafka's default 3 s initial rebalance delay makes every new consumer group wait; tests and
        // demos want a group to form as soon as its first member joins.
        LibrdkafkaNative.MockGroupInitialRebalanceDelayMs(cluster, 0);

        var bootstrap = Marshal.PtrToStringUTF8(LibrdkafkaNative.MockClusterBootstraps(cluster));
        if (string.IsNullOrEmpty(bootstrap))
        {
            LibrdkafkaNative.MockClusterDestroy(cluster);
            LibrdkafkaNative.Destroy(owner);
            throw new EmbeddedKafkaException("The mock cluster started but reported no bootstrap servers.");
        }

        return new EmbeddedKafkaCluster(owner, cluster, bootstrap, brokerCount);
    }

    /// <summary>
    /// Creates a topic. Creating a topic that already exists is not an error; the mock cluster would
    /// otherwise auto-create unknown topics with its default partition count on first use.
    /// </summary>
    /// <param name="name">Topic name.</param>
    /// <param name="partitions">Partition count (at least 1).</param>
    /// <param name="replicationFactor">Replication factor, at most <see cref="BrokerCount"/>.</param>
    /// <exception cref="EmbeddedKafkaException">librdkafka rejected the topic.</exception>
    public void CreateTopic(string name, int partitions, int replicationFactor = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicationFactor, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(replicationFactor, BrokerCount);

        lock (_gate)
        {
            var err = LibrdkafkaNative.MockTopicCreate(ClusterOrThrow(), name, partitions, replicationFactor);
            if (err != 0 && err != (int)ErrorCode.TopicAlreadyExists)
            {
                throw Failure($"Could not create topic '{name}' ({partitions} partitions, RF {replicationFactor})", err);
            }
        }
    }

    /// <summary>
    /// Moves the leadership of one partition to another broker (creating the topic if needed). This is the
    /// only way to fail over in the mock: <see cref="SetBrokerDown"/> alone never moves leadership.
    /// </summary>
    /// <param name="topic">Topic name.</param>
    /// <param name="partition">Partition index.</param>
    /// <param name="brokerId">New leader, 1..<see cref="BrokerCount"/>, or -1 for no leader.</param>
    public void SetPartitionLeader(string topic, int partition, int brokerId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        if (brokerId != -1)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(brokerId, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(brokerId, BrokerCount);
        }

        lock (_gate)
        {
            var err = LibrdkafkaNative.MockPartitionSetLeader(ClusterOrThrow(), topic, partition, brokerId);
            if (err != 0)
            {
                throw Failure($"Could not move the leader of {topic}[{partition}] to broker {brokerId}", err);
            }
        }
    }

    /// <summary>
    /// Disconnects the broker and refuses new connections until <see cref="SetBrokerUp"/>. Leadership
    /// does not move, so partitions led by this broker are unavailable meanwhile.
    /// </summary>
    /// <param name="brokerId">Broker id, 1..<see cref="BrokerCount"/>.</param>
    public void SetBrokerDown(int brokerId) =>
        BrokerCall(brokerId, "set down", static (cluster, id) => LibrdkafkaNative.MockBrokerSetDown(cluster, id));

    /// <summary>Lets a broker previously taken down accept connections again.</summary>
    /// <param name="brokerId">Broker id, 1..<see cref="BrokerCount"/>.</param>
    public void SetBrokerUp(int brokerId) =>
        BrokerCall(brokerId, "set up", static (cluster, id) => LibrdkafkaNative.MockBrokerSetUp(cluster, id));

    /// <summary>Delays every response of a broker by <paramref name="rtt"/> (zero removes the delay).</summary>
    /// <param name="brokerId">Broker id, 1..<see cref="BrokerCount"/>.</param>
    /// <param name="rtt">Round-trip delay, whole milliseconds, non-negative.</param>
    public void SetBrokerRoundTripTime(int brokerId, TimeSpan rtt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rtt, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rtt, TimeSpan.FromMilliseconds(int.MaxValue));
        var rttMs = (int)rtt.TotalMilliseconds;
        BrokerCall(brokerId, $"set RTT {rttMs.ToString(CultureInfo.InvariantCulture)} ms on",
            (cluster, id) => LibrdkafkaNative.MockBrokerSetRtt(cluster, id, rttMs));
    }

    /// <summary>
    /// Makes the next <c>errors.Length</c> requests of type <paramref name="apiKey"/> (on any broker) fail,
    /// in order, with the given errors. <see cref="ErrorCode.Local_Transport"/> makes the broker drop
    /// the connection instead.
    /// </summary>
    /// <param name="apiKey">Request type to fail.</param>
    /// <param name="errors">Errors to return, first one first.</param>
    public unsafe void PushRequestErrors(KafkaApiKey apiKey, params ErrorCode[] errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Length == 0)
        {
            return;
        }

        // rd_kafka_resp_err_t is a C enum (int); copy rather than rely on ErrorCode's underlying type.
        var codes = Array.ConvertAll(errors, static e => (int)e);
        lock (_gate)
        {
            fixed (int* p = codes)
            {
                LibrdkafkaNative.MockPushRequestErrorsArray(ClusterOrThrow(), (short)apiKey, (nuint)codes.Length, p);
            }
        }
    }

    /// <summary>Drops any errors still queued for <paramref name="apiKey"/>.</summary>
    /// <param name="apiKey">Request type.</param>
    public void ClearRequestErrors(KafkaApiKey apiKey)
    {
        lock (_gate)
        {
            LibrdkafkaNative.MockClearRequestErrors(ClusterOrThrow(), (short)apiKey);
        }
    }

    /// <summary>Stops the brokers and frees the native resources. Safe to call more than once.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_cluster != 0)
            {
                // The cluster is bookkept on the owner handle, so it must go first.
                LibrdkafkaNative.MockClusterDestroy(_cluster);
                _cluster = 0;
            }

            if (_owner != 0)
            {
                LibrdkafkaNative.Destroy(_owner);
                _owner = 0;
            }
        }
    }

    private static unsafe string Utf8(byte* buffer) => Marshal.PtrToStringUTF8((nint)buffer) ?? string.Empty;

    private static EmbeddedKafkaException Failure(string what, int err) =>
        new($"{what}: {LibrdkafkaNative.ErrorText(err)} ({(ErrorCode)err}).", (ErrorCode)err);

    private void BrokerCall(int brokerId, string what, Func<nint, int, int> call)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokerId, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(brokerId, BrokerCount);
        lock (_gate)
        {
            var err = call(ClusterOrThrow(), brokerId);
            if (err != 0)
            {
                throw Failure($"Could not {what} broker {brokerId.ToString(CultureInfo.InvariantCulture)}", err);
            }
        }
    }

    private nint ClusterOrThrow()
    {
        ObjectDisposedException.ThrowIf(_cluster == 0, this);
        return _cluster;
    }
}
