using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StreamPrivacy.Kafka.Telemetry;

namespace StreamPrivacy.Kafka.Runtime;

/// <summary>
/// The consume–transform–produce loop every stage runs on. At-least-once: outputs go through an
/// idempotent producer; a consumed record's offset is committed only after every output produced
/// before it has been acknowledged by the broker. On rebalance (revoke) and on graceful stop the
/// runner flushes and commits what it has processed, so a new owner resumes exactly after it.
/// A crash between acknowledgement and commit re-processes records: outputs may then repeat
/// (at-least-once), but nothing is lost. A stateless processor may run on several worker threads
/// (<see cref="StageRunnerOptions.Workers"/>): records are dispatched by partition, so each
/// partition's records are processed in order, and every commit first waits until all dispatched
/// records are processed.
/// </summary>
/// <remarks>
/// Exactly-once (<see cref="StageRunnerOptions.ExactlyOnce"/>): outputs and input offsets commit in one
/// transaction, also when the only outputs since the last commit came from ticks or hooks. A failed
/// delivery, a produce refused because the transaction failed, an abortable commit error or lost
/// partitions abort the transaction, seek the partitions still owned back to their committed offsets
/// and rebuild stateful processors there (<see cref="IStatefulProcessor.OnAborted"/>). Retriable errors
/// of transactional calls repeat the same call; fatal ones (e.g. fenced by a newer producer with the
/// same transactional id) stop the stage. After a failure nothing more is committed: the open
/// transaction is aborted.
/// </remarks>
public sealed partial class StageRunner : IStageHealth
{
    private readonly IRecordProcessor _processor;
    private readonly StageRunnerOptions _options;
    private readonly ILogger _logger;
    private readonly IStatefulProcessor? _stateful;
    private readonly Func<IRecordProcessor>? _createProcessor;
    private PartitionWorkers? _workers;
    private readonly bool _exactlyOnce;
    private readonly Dictionary<TopicPartition, Offset> _processed = [];

    // With workers: offsets after records handed to a worker; they become processed (committable)
    // only when a drain has seen every worker finish them.
    private readonly Dictionary<TopicPartition, Offset> _dispatched = [];
    private readonly Dictionary<TopicPartition, Offset> _committed = [];
    private readonly Dictionary<string, (int Count, long Ticks)> _partitionCounts = new(StringComparer.Ordinal);
    private readonly Output _output;
    private IProducer<byte[]?, byte[]>? _producer;
    private IAdminClient? _admin;
    private long _lastTickTicks;
    private int _sinceCommit;
    private long _lastCommitTicks;
    private volatile Error? _deliveryError;

    // Exactly-once: outputs produced into the open transaction (also by ticks and hooks, with no new
    // input); the transaction failed and must be aborted; an abort is purging the queue; the stage
    // failed and must not commit anything more (the revoke handler runs again during Close).
    private int _uncommittedOutputs;
    private volatile bool _abortRequired;
    private volatile bool _aborting;
    private volatile bool _stopCommitting;
    private readonly ConsumerLagTracker _lag;
    private volatile bool _running;
    private volatile bool _assigned;
    private volatile bool _failed;

    // Cached delegates: the produce path runs per record.
    private readonly Action<DeliveryReport<byte[]?, byte[]>> _onDelivered;
    private readonly Action _throwIfDeliveryFailed;

    /// <summary>Creates a runner for <paramref name="processor"/>, processing on the consumer thread.</summary>
    public StageRunner(IRecordProcessor processor, StageRunnerOptions options, StageCounters counters, ILogger? logger = null)
        : this(processor, null, options, counters, logger)
    {
    }

    /// <summary>
    /// Creates a runner whose processors come from <paramref name="createProcessor"/>: one per worker
    /// thread when the processor is stateless and <see cref="StageRunnerOptions.Workers"/> is above 1
    /// (each instance is used by one thread only), else a single one on the consumer thread.
    /// </summary>
    public StageRunner(Func<IRecordProcessor> createProcessor, StageRunnerOptions options, StageCounters counters, ILogger? logger = null)
        : this(createProcessor(), createProcessor, options, counters, logger)
    {
    }

    private StageRunner(IRecordProcessor processor, Func<IRecordProcessor>? createProcessor, StageRunnerOptions options, StageCounters counters, ILogger? logger)
    {
        _createProcessor = processor is IStatefulProcessor ? null : createProcessor;
        _processor = processor;
        _stateful = processor as IStatefulProcessor;
        _exactlyOnce = options.ExactlyOnce;
        _options = options;
        Counters = counters;
        _logger = logger ?? NullLogger.Instance;
        _output = new Output(this);
        _onDelivered = OnDelivered;
        _throwIfDeliveryFailed = ThrowIfDeliveryFailed;
        _lag = new ConsumerLagTracker(processor.Name);
    }

    /// <summary>The processor this runner drives.</summary>
    public IRecordProcessor Processor => _processor;

    /// <summary>Worker threads processing records (1: the consumer thread processes them itself).</summary>
    public int Workers => _createProcessor is null ? 1 : Math.Max(1, _options.Workers);

    /// <summary>True when the runner commits with transactions (exactly-once); fixed when it is built (<see cref="StageRunnerOptions.ExactlyOnce"/>).</summary>
    public bool IsExactlyOnce => _exactlyOnce;

    /// <summary>Live counts of this runner.</summary>
    public StageCounters Counters { get; }

    /// <inheritdoc />
    public string Name => _processor.Name;

    /// <inheritdoc />
    public bool IsRunning => _running;

    /// <inheritdoc />
    public bool HasAssignment => _assigned;

    /// <inheritdoc />
    public bool Failed => _failed;

    /// <summary>Consumer lag per partition from the last librdkafka statistics event (see <c>statistics.interval.ms</c>).</summary>
    internal IReadOnlyList<(string Topic, int Partition, long Lag)> ConsumerLag => _lag.Latest;

    /// <summary>Runs until <paramref name="stoppingToken"/> is cancelled, then flushes, commits and closes.</summary>
    /// <exception cref="StageFailedException">Delivery could not be guaranteed; the stage stopped without committing unacknowledged work.</exception>
    public Task RunAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => RunTracked(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void RunTracked(CancellationToken stoppingToken)
    {
        _running = true;
        try
        {
            Run(stoppingToken);
        }
        catch
        {
            _failed = true;
            throw;
        }
        finally
        {
            _assigned = false;
            _running = false;
        }
    }

    private void Run(CancellationToken stoppingToken)
    {
        using var activity = StreamPrivacyTelemetry.ActivitySource.StartActivity("stage " + _processor.Name);
        using var producer = CreateProducer();
        _producer = producer;

        using var admin = new DependentAdminClientBuilder(producer.Handle).Build();
        _admin = admin;
        using var workers = CreateWorkers();
        _workers = workers;
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(KafkaClientConfigs.Consumer(_options))
            .SetErrorHandler((_, e) => LogClientError("consumer", e))
            .SetLogHandler((_, m) => LogClientMessage(m))
            .SetStatisticsHandler((_, json) => _lag.Update(json))
            .SetPartitionsAssignedHandler((_, partitions) =>
            {
                _assigned = true;
                _logger.LogInformation("{Stage}: assigned {Count} partitions", _processor.Name, partitions.Count);
                _stateful?.OnAssigned(partitions);
            })
            .SetPartitionsRevokedHandler((c, partitions) => OnRevoked(c, [.. partitions.Select(p => p.TopicPartition)]))
            .SetPartitionsLostHandler((c, partitions) => OnLost(c, [.. partitions.Select(p => p.TopicPartition)]))
            .Build();

        using var lagGauge = StreamPrivacyTelemetry.ObserveConsumerLag(_lag.Observe);
        var completed = false;
        try
        {
            if (_options.Hooks is { } hooks)
            {
                hooks.OnStarted(_output);
                CommitHookOutputs();
            }

            consumer.Subscribe(_processor.InputTopics);
            _lastCommitTicks = Stopwatch.GetTimestamp();
            _logger.LogInformation("{Stage}: started, consuming {Topics}", _processor.Name, string.Join(", ", _processor.InputTopics));
            Loop(consumer, stoppingToken);
            _options.Hooks?.OnStopping(_output);
            Commit(consumer, rewind: []);
            completed = true;
        }
        finally
        {
            // After a failure, records still queued are dropped and nothing more is committed: not
            // by the consumer's close below, whose revoke handler would otherwise commit, and under
            // exactly-once not the open transaction either, whose outputs include records processed
            // after the last drain (and the partial outputs of a record whose processing threw).
            workers?.Dispose();
            _workers = null;
            if (!completed)
            {
                _stopCommitting = true;
                AbortQuietly();
            }

            CloseQuietly(consumer);
            _producer = null;
            _admin = null;
        }

        _logger.LogInformation("{Stage}: stopped after {Count} records", _processor.Name, Counters.Consumed);
    }

    private void OnRevoked(IConsumer<byte[]?, byte[]?> consumer, List<TopicPartition> revoked)
    {
        if (_stopCommitting)
        {
            Forget(revoked);
            return;
        }

        // Hand over cleanly: everything processed so far is acknowledged and committed (for a
        // stateful stage: up to its safe offsets, so the next owner rebuilds the state). If that
        // transaction must be aborted instead, only the partitions kept are rewound.
        _logger.LogInformation("{Stage}: {Count} partitions revoked, committing", _processor.Name, revoked.Count);
        Commit(consumer, rewind: () => Owned(consumer, revoked));
        Forget(revoked);
    }

    private void OnLost(IConsumer<byte[]?, byte[]?> consumer, List<TopicPartition> lost)
    {
        // Lost partitions belong to someone else already: their offsets must not be committed by us.
        _logger.LogWarning("{Stage}: {Count} partitions lost; their uncommitted records will be processed again", _processor.Name, lost.Count);
        if (_stopCommitting)
        {
            Forget(lost);
            return;
        }

        DrainWorkers();
        Forget(lost);
        if (_exactlyOnce)
        {
            // Their outputs are in the open transaction: abort it and redo what we still own (the
            // assignment still lists the lost partitions while this handler runs).
            AbortAndRewind(consumer, Owned(consumer, lost), "partitions lost");
        }
    }

    private static List<TopicPartition> Owned(IConsumer<byte[]?, byte[]?> consumer, List<TopicPartition> leaving) =>
        [.. consumer.Assignment.Except(leaving)];

    private void Loop(IConsumer<byte[]?, byte[]?> consumer, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            ConsumeResult<byte[]?, byte[]?>? record;
            try
            {
                record = consumer.Consume(TimeSpan.FromMilliseconds(100));
            }
            catch (ConsumeException ex)
            {
                // The exception carries the raw record bytes; log only the error code.
                if (ex.Error.IsFatal)
                {
                    throw new StageFailedException($"{_processor.Name}: fatal consumer error {ex.Error.Code}");
                }

                _logger.LogWarning("{Stage}: consume error {Code}", _processor.Name, ex.Error.Code);
                continue;
            }

            if (record is not null && !record.IsPartitionEOF && _workers is { } workers)
            {
                Counters.OnConsumed();
                workers.Dispatch(record);
                _dispatched[record.TopicPartition] = record.Offset + 1;
                _sinceCommit++;
            }
            else if (record is { IsPartitionEOF: true })
            {
                _stateful?.OnPartitionEof(record.TopicPartition);
            }
            else if (record is not null)
            {
                Counters.OnConsumed();
                var started = Stopwatch.GetTimestamp();
                _processor.Process(record, _output);
                Counters.OnProcessed(record.Message.Timestamp, started);
                _processed[record.TopicPartition] = record.Offset + 1;
                _sinceCommit++;
            }

            if ((_stateful is not null || _options.Hooks is not null) && Stopwatch.GetElapsedTime(_lastTickTicks) >= TickInterval)
            {
                _lastTickTicks = Stopwatch.GetTimestamp();
                _stateful?.Tick(_output);
                _options.Hooks?.OnTick(_output);
            }

            ThrowIfDeliveryFailed();
            _workers?.ThrowIfFaulted();
            if (_abortRequired)
            {
                AbortAndRewind(consumer, consumer.Assignment, "an output could not be delivered");
                continue;
            }

            // Outputs of ticks and hooks count too: under exactly-once they only become visible when
            // the transaction commits, and an open transaction times out on the broker.
            var due = Stopwatch.GetElapsedTime(_lastCommitTicks) >= _options.CommitInterval;
            if (_sinceCommit >= _options.CommitEveryRecords
                || (due && (_sinceCommit > 0 || _stateful is not null || Volatile.Read(ref _uncommittedOutputs) > 0)))
            {
                Commit(consumer, () => consumer.Assignment);
            }
        }
    }

    // Commits processed offsets and the outputs produced so far. Under exactly-once, if the transaction
    // must be aborted instead, the partitions `rewind` returns are sought back to their committed offsets.
    private void Commit(IConsumer<byte[]?, byte[]?> consumer, Func<IReadOnlyList<TopicPartition>> rewind)
    {
        DrainWorkers();
        if (_producer is null)
        {
            return;
        }

        if (_exactlyOnce && _abortRequired)
        {
            AbortAndRewind(consumer, rewind(), "an output could not be delivered");
            return;
        }

        var offsets = PendingOffsets();
        if (offsets.Count == 0 && Volatile.Read(ref _uncommittedOutputs) == 0)
        {
            // Nothing new (e.g. a stateful stage holding its safe offsets back): no empty transaction.
            _sinceCommit = 0;
            _lastCommitTicks = Stopwatch.GetTimestamp();
            return;
        }

        if (_exactlyOnce)
        {
            CommitTransaction(consumer, offsets, rewind);
        }
        else
        {
            FlushOutputs(_options.ShutdownTimeout);
            Interlocked.Exchange(ref _uncommittedOutputs, 0);
            _options.Hooks?.OnCommitted();
            try
            {
                if (offsets.Count > 0)
                {
                    consumer.Commit(offsets);
                    Counters.OnCommitted();
                    Remember(offsets);
                }
            }
            catch (KafkaException ex)
            {
                // Not fatal: the offsets stay pending and the next commit (at the latest the one
                // in the revoke handler or at shutdown) retries them; if nobody manages to, the
                // records are processed again (at-least-once), never lost.
                _logger.LogWarning("{Stage}: offset commit failed with {Code}; will retry", _processor.Name, ex.Error.Code);
                _lastCommitTicks = Stopwatch.GetTimestamp();
                return;
            }
        }

        _sinceCommit = 0;
        _lastCommitTicks = Stopwatch.GetTimestamp();
    }

    private void Commit(IConsumer<byte[]?, byte[]?> consumer, IReadOnlyList<TopicPartition> rewind) => Commit(consumer, () => rewind);

    private List<TopicPartitionOffset> PendingOffsets()
    {
        var offsets = new List<TopicPartitionOffset>(_processed.Count);
        foreach (var (partition, processed) in _processed)
        {
            var offset = _stateful?.SafeOffset(partition, processed) ?? processed;
            if (offset.Value >= 0 && (!_committed.TryGetValue(partition, out var last) || last != offset))
            {
                offsets.Add(new TopicPartitionOffset(partition, offset));
            }
        }

        return offsets;
    }

    // Waits until the workers have processed every dispatched record; only then do their offsets
    // count as processed. A worker failure throws here, so nothing it left unprocessed is committed.
    private void DrainWorkers()
    {
        if (_workers is null)
        {
            return;
        }

        _workers.Drain();
        foreach (var (partition, offset) in _dispatched)
        {
            _processed[partition] = offset;
        }

        _dispatched.Clear();
    }

    private void Forget(IReadOnlyList<TopicPartition> partitions)
    {
        foreach (var p in partitions)
        {
            _processed.Remove(p);
            _dispatched.Remove(p);
            _committed.Remove(p);
        }

        _stateful?.OnRevoked(partitions);
    }

    private void CloseQuietly(IConsumer<byte[]?, byte[]?> consumer)
    {
        try
        {
            consumer.Close();
        }
        catch (KafkaException ex)
        {
            _logger.LogWarning("{Stage}: consumer close failed with {Code}", _processor.Name, ex.Error.Code);
        }
    }

    private void LogClientError(string client, Error error)
    {
        if (error.IsFatal)
        {
            _deliveryError ??= error;
        }

        _logger.LogWarning("{Stage}: {Client} error {Code}: {Reason}", _processor.Name, client, error.Code, error.Reason);
    }

    private void LogClientMessage(LogMessage message)
    {
        if (message.Level <= SyslogLevel.Warning)
        {
            _logger.LogDebug("{Stage}: librdkafka {Facility}: {Message}", _processor.Name, message.Facility, message.Message);
        }
    }

    private static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan InitTransactionsAttempt = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan AbortFlushTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MetadataMaxAge = TimeSpan.FromSeconds(30);

}
