using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using StreamPrivacy.Kafka.Embedded;
using StreamPrivacy.Kafka.Runtime;

namespace StreamPrivacy.Kafka.Tests.Runtime;

/// <summary>
/// A <see cref="StageRunner"/> with <see cref="StageRunnerOptions.ExactlyOnce"/> on the embedded mock
/// cluster, which accepts the transactional protocol (InitProducerId, AddPartitionsToTxn,
/// AddOffsetsToTxn, TxnOffsetCommit, EndTxn) and lets tests inject errors into it. What this can show:
/// the runner's call sequence — commits, aborts, rewinds, retries, what stops the stage and what does
/// not. What it cannot: isolation (the mock shows aborted records to read_committed readers) and
/// transactional offset commits (the mock acknowledges TxnOffsetCommit without storing the offsets,
/// so a rewind on the mock goes back to the start of the partition). <c>Pipeline.ExactlyOnce</c>
/// refuses exactly-once on the embedded cluster for users for that reason; tests build the runner directly.
/// </summary>
internal sealed class TransactionalRunnerHarness : IDisposable
{
    public const string Input = "eos-in";
    public const string Output = "eos-out";

    public TransactionalRunnerHarness(int brokers = 3)
    {
        Cluster = EmbeddedKafkaCluster.Start(brokers);
        Cluster.CreateTopic(Input, 3, Math.Min(3, brokers));
        Cluster.CreateTopic(Output, 3, Math.Min(3, brokers));
    }

    public EmbeddedKafkaCluster Cluster { get; }

    // STREAMPRIVACY_TEST_LOGS=1 shows the runners' logs on stderr when debugging a test.
    public static Microsoft.Extensions.Logging.ILogger Logger { get; } =
        Environment.GetEnvironmentVariable("STREAMPRIVACY_TEST_LOGS") == "1"
            ? Microsoft.Extensions.Logging.LoggerFactory.Create(b => Microsoft.Extensions.Logging.ConsoleLoggerExtensions.AddConsole(b, o => o.LogToStandardErrorThreshold = Microsoft.Extensions.Logging.LogLevel.Trace)).CreateLogger("eos")
            : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public StageRunnerOptions Options(IStageHooks? hooks = null, int workers = 1, TimeSpan? commitInterval = null, IReadOnlyDictionary<string, string>? consumer = null) => new()
    {
        BootstrapServers = Cluster.BootstrapServers,
        GroupId = "eos-" + Guid.NewGuid().ToString("N"),
        ExactlyOnce = true,
        TransactionalId = "eos-txn-" + Guid.NewGuid().ToString("N"),
        CommitInterval = commitInterval ?? TimeSpan.FromMilliseconds(200),
        CommitEveryRecords = commitInterval is null ? 10_000 : 1_000_000,
        Workers = workers,
        Hooks = hooks,
        ConsumerProperties = consumer ?? new Dictionary<string, string>(),
        TransactionRetryTimeout = TimeSpan.FromSeconds(20),
    };

    public void ProduceInput(int from, int count)
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig { BootstrapServers = Cluster.BootstrapServers, EnableIdempotence = true }).Build();
        for (var i = from; i < from + count; i++)
        {
            producer.Produce(Input, new Message<byte[]?, byte[]> { Key = Encoding.UTF8.GetBytes("k" + i), Value = Encoding.UTF8.GetBytes("v" + i) });
        }

        Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
    }

    /// <summary>Every value on the output topic (the mock shows aborted records too, so values may repeat).</summary>
    public List<string> ReadOutput(IsolationLevel isolation = IsolationLevel.ReadUncommitted)
    {
        using var consumer = new ConsumerBuilder<Ignore, byte[]>(new ConsumerConfig
        {
            BootstrapServers = Cluster.BootstrapServers,
            GroupId = "reader-" + Guid.NewGuid().ToString("N"),
            EnableAutoCommit = false,
            EnablePartitionEof = true,
            IsolationLevel = isolation,
        }).Build();
        consumer.Assign(Enumerable.Range(0, 3).Select(p => new TopicPartitionOffset(Output, p, Offset.Beginning)));
        var values = new List<string>();
        var eof = new HashSet<int>();
        var clock = Stopwatch.StartNew();
        while (eof.Count < 3 && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            var r = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (r is { IsPartitionEOF: true })
            {
                eof.Add(r.Partition.Value);
            }
            else if (r is not null)
            {
                values.Add(Encoding.UTF8.GetString(r.Message.Value));
            }
        }

        return values;
    }

    /// <summary>Polls <paramref name="condition"/> until true or <paramref name="timeout"/>; the runner failing ends the wait early.</summary>
    public static async Task<bool> WaitAsync(Func<bool> condition, TimeSpan timeout, StageRunner? runner = null)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout || runner is { Failed: true })
            {
                return condition();
            }

            await Task.Delay(50);
        }

        return true;
    }

    public void Dispose() => Cluster.Dispose();

    /// <summary>Copies each input value to <see cref="Output"/> (<c>copies</c> times); can throw at one value.</summary>
    internal sealed class CopyProcessor(int copies = 1, string? throwAt = null) : IRecordProcessor
    {
        private long _processed;

        public ConcurrentDictionary<string, int> Seen { get; } = new(StringComparer.Ordinal);

        public long Processed => Interlocked.Read(ref _processed);

        public string Name => "eos-copy";

        public IReadOnlyList<string> InputTopics => [Input];

        public void Process(ConsumeResult<byte[]?, byte[]?> record, IStageOutput output)
        {
            var value = Encoding.UTF8.GetString(record.Message.Value!);
            for (var i = 0; i < copies; i++)
            {
                output.Produce(Output, record.Message.Key, Encoding.UTF8.GetBytes(copies == 1 ? value : $"{value}#{i}"));
            }

            Seen.AddOrUpdate(value, 1, static (_, n) => n + 1);
            Interlocked.Increment(ref _processed);
            if (value == throwAt)
            {
                throw new InvalidOperationException("processing failed (test)");
            }
        }
    }

    /// <summary>
    /// Hooks that produce one record on the next tick after <see cref="Emit"/> (a time-driven output with
    /// no input), and note how many records <paramref name="processed"/> said were processed at the last
    /// abort and at the last commit: the runner has settled after an abort once a commit followed it
    /// that covers a full re-processing pass.
    /// </summary>
    internal sealed class TickHooks(Func<long>? processed = null, string topic = Output) : IStageHooks
    {
        private int _pending;
        private int _ticksWithOutput;
        private volatile string _value = string.Empty;
        private long _processedAtAbort = -1;
        private long _processedAtCommit = -1;

        public int TicksWithOutput => Volatile.Read(ref _ticksWithOutput);

        /// <summary>True once an abort happened and a later commit came after at least <paramref name="records"/> more records.</summary>
        public bool CommittedAfterAbort(long records)
        {
            var aborted = Interlocked.Read(ref _processedAtAbort);
            return aborted >= 0 && Interlocked.Read(ref _processedAtCommit) - aborted >= records;
        }

        public void Emit(string value)
        {
            _value = value;
            Interlocked.Increment(ref _pending);
        }

        public void OnTick(IStageOutput output)
        {
            if (Interlocked.Exchange(ref _pending, 0) > 0)
            {
                output.Produce(topic, null, Encoding.UTF8.GetBytes(_value));
                Interlocked.Increment(ref _ticksWithOutput);
            }
        }

        public void OnStarted(IStageOutput output)
        {
        }

        public void OnStopping(IStageOutput output)
        {
        }

        public void OnAborted() => Interlocked.Exchange(ref _processedAtAbort, processed?.Invoke() ?? 0);

        public void OnCommitted() => Interlocked.Exchange(ref _processedAtCommit, processed?.Invoke() ?? 0);
    }
}
