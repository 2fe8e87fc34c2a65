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
public sealed class StageRunner : IStageHealth
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

    // Exactly-once needs a transactional producer. Whether the broker offers transactions was decided
    // before this runner was built (Pipeline probes once); here a refusal stops the stage.
    private IProducer<byte[]?, byte[]> CreateProducer()
    {
        var producer = new ProducerBuilder<byte[]?, byte[]>(KafkaClientConfigs.Producer(_options))
            .SetErrorHandler((_, e) => LogClientError("producer", e))
            .SetLogHandler((_, m) => LogClientMessage(m))
            .Build();
        if (!_exactlyOnce)
        {
            return producer;
        }

        try
        {
            Transactional("InitTransactions", () => producer.InitTransactions(InitTransactionsAttempt));
            producer.BeginTransaction();
            _logger.LogInformation("{Stage}: exactly-once (transactional id {Id})", _processor.Name, _options.TransactionalId);
            return producer;
        }
        catch (KafkaException ex)
        {
            producer.Dispose();
            throw new StageFailedException($"{_processor.Name}: the broker did not accept transactions ({ex.Error.Code}); exactly-once is not possible", ex);
        }
    }

    // Outputs of the start-up hooks do not wait for an input record: acknowledge (or commit) them now.
    private void CommitHookOutputs()
    {
        if (!_exactlyOnce)
        {
            FlushOutputs(_options.ShutdownTimeout);
            Interlocked.Exchange(ref _uncommittedOutputs, 0);
            _options.Hooks?.OnCommitted();
            return;
        }

        // Before the first record there is nothing to rewind: on failure the stage stops and a
        // restart writes the start-up records again.
        if (_abortRequired)
        {
            throw new StageFailedException($"{_processor.Name}: the stage's start-up records could not be delivered");
        }

        try
        {
            Transactional("CommitTransaction", _producer!.CommitTransaction);
        }
        catch (KafkaException ex)
        {
            throw new StageFailedException($"{_processor.Name}: could not commit the stage's start-up records ({ex.Error.Code})", ex);
        }

        Committed();
    }

    private void Remember(List<TopicPartitionOffset> offsets)
    {
        foreach (var o in offsets)
        {
            _committed[o.TopicPartition] = o.Offset;
        }
    }

    // Outputs and input offsets commit atomically; a new transaction starts at once. Retriable errors
    // repeat the same call (librdkafka refuses an abort while a commit is in progress); an abortable
    // error aborts and rewinds; anything else (fenced, unauthorized, retries spent) stops the stage.
    private void CommitTransaction(IConsumer<byte[]?, byte[]?> consumer, List<TopicPartitionOffset> offsets, Func<IReadOnlyList<TopicPartition>> rewind)
    {
        var producer = _producer!;
        try
        {
            if (offsets.Count > 0)
            {
                var group = consumer.ConsumerGroupMetadata;
                Transactional("SendOffsetsToTransaction", () => producer.SendOffsetsToTransaction(offsets, group, _options.ShutdownTimeout));
            }

            // No timeout: it blocks at most the remaining transaction time (Confluent's advice; a
            // shorter one desynchronises librdkafka's state from the protocol requests).
            Transactional("CommitTransaction", producer.CommitTransaction);
        }
        catch (KafkaTxnRequiresAbortException ex)
        {
            AbortAndRewind(consumer, rewind(), $"commit refused with {ex.Error.Code}");
            return;
        }
        catch (KafkaException ex)
        {
            throw new StageFailedException($"{_processor.Name}: transaction commit failed with {ex.Error.Code}{(ex.Error.IsFatal ? " (fatal)" : string.Empty)}; offsets after the last commit left uncommitted", ex);
        }

        Counters.OnCommitted();
        Remember(offsets);
        Committed();
    }

    // After a commit: the transaction's outputs are durable; start the next one.
    private void Committed()
    {
        Interlocked.Exchange(ref _uncommittedOutputs, 0);
        _options.Hooks?.OnCommitted();
        BeginTransaction();
    }

    private void BeginTransaction()
    {
        try
        {
            _producer!.BeginTransaction();
        }
        catch (KafkaException ex)
        {
            throw new StageFailedException($"{_processor.Name}: could not begin a transaction ({ex.Error.Code})", ex);
        }
    }

    // Exactly-once recovery: abort the open transaction (its outputs never become visible), let the
    // hooks and the stateful processor drop what they derived from it, seek `rewind` (the partitions
    // still owned) back to their committed offsets and rebuild stateful processors from there.
    private void AbortAndRewind(IConsumer<byte[]?, byte[]?> consumer, IReadOnlyList<TopicPartition> rewind, string reason)
    {
        _logger.LogWarning("{Stage}: aborting the transaction ({Reason}); re-processing {Count} partitions from their last commit", _processor.Name, reason, rewind.Count);

        // No produce may run concurrently with the abort; whatever the workers still finish goes
        // into the doomed transaction and is re-processed like the rest.
        DrainWorkers();
        Abort();
        Counters.OnAborted();
        _options.Hooks?.OnAborted();
        _stateful?.OnAborted();

        // Every offset noted since the last commit belongs to the aborted transaction.
        _processed.Clear();
        _dispatched.Clear();
        _sinceCommit = 0;
        if (rewind.Count > 0)
        {
            var committed = consumer.Committed(rewind, _options.ShutdownTimeout);
            foreach (var c in committed)
            {
                consumer.Seek(new TopicPartitionOffset(c.TopicPartition, c.Offset.Value >= 0 ? c.Offset : Offset.Beginning));
            }

            if (_stateful is not null)
            {
                _stateful.OnRevoked(rewind);
                _stateful.OnAssigned(rewind);
            }
        }

        _lastCommitTicks = Stopwatch.GetTimestamp();
        BeginTransaction();
    }

    private void Abort()
    {
        var producer = _producer!;
        _aborting = true;
        try
        {
            Transactional("AbortTransaction", producer.AbortTransaction);

            // The purged messages' delivery reports are served while `_aborting` is set, so an error
            // report of the aborted transaction cannot doom the next one.
            producer.Flush(AbortFlushTimeout);
        }
        catch (KafkaException ex)
        {
            throw new StageFailedException($"{_processor.Name}: could not abort the transaction ({ex.Error.Code}); offsets after the last commit left uncommitted", ex);
        }
        finally
        {
            _aborting = false;
        }

        _abortRequired = false;
        Interlocked.Exchange(ref _uncommittedOutputs, 0);
    }

    // After a failure: abort the open transaction at once (one attempt), so downstream read_committed
    // consumers are not held back until the broker times it out.
    private void AbortQuietly()
    {
        if (!_exactlyOnce || _producer is not { } producer)
        {
            return;
        }

        _aborting = true;
        try
        {
            producer.AbortTransaction();
            Counters.OnAborted();
            _logger.LogInformation("{Stage}: open transaction aborted after the failure", _processor.Name);
        }
        catch (KafkaException ex)
        {
            _logger.LogWarning("{Stage}: could not abort the open transaction after the failure ({Code}); the broker aborts it after transaction.timeout.ms", _processor.Name, ex.Error.Code);
        }
        finally
        {
            _aborting = false;
        }
    }

    private void Transactional(string operation, Action call) =>
        TransactionalRetry.Run(call, _options.TransactionRetryTimeout, (code, attempt) =>
            _logger.LogWarning("{Stage}: {Operation} failed with {Code} (retriable, attempt {Attempt}); retrying", _processor.Name, operation, code, attempt));

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

    private void FlushOutputs(TimeSpan timeout)
    {
        var producer = _producer ?? throw new InvalidOperationException("the stage is not running");
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (producer.Flush(TimeSpan.FromMilliseconds(100)) > 0)
        {
            ThrowIfDeliveryFailed();
            if (_abortRequired)
            {
                // The transaction is lost anyway: the loop aborts it and re-processes its input.
                return;
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                if (_exactlyOnce)
                {
                    _logger.LogWarning("{Stage}: outputs not acknowledged within {Timeout}; aborting the transaction", _processor.Name, timeout);
                    _abortRequired = true;
                    return;
                }

                throw new StageFailedException($"{_processor.Name}: outputs not acknowledged within {timeout}; offsets left uncommitted");
            }
        }

        ThrowIfDeliveryFailed();
    }

    private int PartitionCount(string topic)
    {
        lock (_partitionCounts)
        {
            return PartitionCountLocked(topic);
        }
    }

    private int PartitionCountLocked(string topic)
    {
        if (_partitionCounts.TryGetValue(topic, out var cached) && Stopwatch.GetElapsedTime(cached.Ticks) < MetadataMaxAge)
        {
            return cached.Count;
        }

        var admin = _admin ?? throw new InvalidOperationException("the stage is not running");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(10));
                var described = metadata.Topics.FirstOrDefault(t => t.Topic == topic);
                if (described is { Error.IsError: false, Partitions.Count: > 0 })
                {
                    _partitionCounts[topic] = (described.Partitions.Count, Stopwatch.GetTimestamp());
                    return described.Partitions.Count;
                }
            }
            catch (KafkaException ex) when (attempt < 5)
            {
                _logger.LogWarning("{Stage}: metadata for {Topic} failed with {Code}", _processor.Name, topic, ex.Error.Code);
            }

            if (attempt >= 5)
            {
                throw new StageFailedException($"{_processor.Name}: no partitions known for topic '{topic}'");
            }

            Thread.Sleep(200);
        }
    }

    private void ProduceTo(string topic, int partition, byte[]? key, byte[] value)
    {
        var producer = _producer ?? throw new InvalidOperationException("the stage is not running");
        var message = new Message<byte[]?, byte[]> { Key = key, Value = value };
        try
        {
            producer.ProduceWithBackpressure(new TopicPartition(topic, partition), message, _onDelivered, _throwIfDeliveryFailed);
        }
        catch (ProduceException<byte[]?, byte[]> ex) when (IsFailedTransaction(ex.Error))
        {
            _abortRequired = true;
            return;
        }

        Interlocked.Increment(ref _uncommittedOutputs);
    }

    private void ThrowIfDeliveryFailed()
    {
        if (_deliveryError is { } error)
        {
            throw new StageFailedException($"{_processor.Name}: delivery failed with {error.Code}; offsets after the last commit left uncommitted");
        }
    }

    private void Produce(string topic, byte[]? key, byte[] value, Headers? headers)
    {
        var producer = _producer ?? throw new InvalidOperationException("the stage is not running");
        var message = new Message<byte[]?, byte[]> { Key = key, Value = value, Headers = headers };
        try
        {
            producer.ProduceWithBackpressure(topic, message, _onDelivered, _throwIfDeliveryFailed);
        }
        catch (ProduceException<byte[]?, byte[]> ex) when (IsFailedTransaction(ex.Error))
        {
            _abortRequired = true;
            return;
        }

        Interlocked.Increment(ref _uncommittedOutputs);
    }

    // Exactly-once: librdkafka refuses to produce (Local_State) once the transaction has failed; the
    // record would be aborted with it anyway, so the processor goes on and the loop aborts and rewinds.
    private bool IsFailedTransaction(Error error) => _exactlyOnce && error.Code == ErrorCode.Local_State && !error.IsFatal;

    private PartitionWorkers? CreateWorkers()
    {
        if (Workers <= 1)
        {
            return null;
        }

        var processors = new List<IRecordProcessor>(Workers) { _processor };
        while (processors.Count < Workers)
        {
            processors.Add(_createProcessor!());
        }

        _logger.LogInformation("{Stage}: processing on {Workers} worker threads", _processor.Name, processors.Count);
        return new PartitionWorkers(processors, _output, Counters, _options.WorkerQueueCapacity);
    }

    private void OnDelivered(DeliveryReport<byte[]?, byte[]> report)
    {
        if (!report.Error.IsError)
        {
            Counters.OnProduced(report.Topic);
            return;
        }

        if (!_exactlyOnce || report.Error.IsFatal)
        {
            _deliveryError ??= report.Error;
            return;
        }

        // Exactly-once: a failed delivery only fails the transaction (abort, rewind, redo). Purged
        // messages (Local_PurgeQueue/PurgeInflight) are the other records of a transaction that is
        // being aborted, by us or by librdkafka after the error that failed it; not failures of their own.
        if (!_aborting && report.Error.Code is not (ErrorCode.Local_PurgeQueue or ErrorCode.Local_PurgeInflight))
        {
            _abortRequired = true;
        }
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

    private sealed class Output(StageRunner runner) : IStageOutput
    {
        public void Produce(string topic, byte[]? key, byte[] value, Headers? headers = null) => runner.Produce(topic, key, value, headers);

        public void Produce(string topic, int partition, byte[]? key, byte[] value) => runner.ProduceTo(topic, partition, key, value);

        public int PartitionCount(string topic) => runner.PartitionCount(topic);

        public void Flush() => runner.FlushOutputs(runner._options.ShutdownTimeout);
    }
}
