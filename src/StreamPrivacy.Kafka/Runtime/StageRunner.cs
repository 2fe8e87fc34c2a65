using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StreamPrivacy.Kafka.Telemetry;

namespace StreamPrivacy.Kafka.Runtime;

/// <summary>
/// The consume–transform–produce loop every stage runs on (at-least-once). Outputs go through an
/// idempotent producer; a consumed record's offset is committed only after every output produced
/// before it has been acknowledged by the broker. On rebalance (revoke) and on graceful stop the
/// runner flushes and commits what it has processed, so a new owner resumes exactly after it.
/// A crash between acknowledgement and commit re-processes records: outputs may then repeat
/// (at-least-once), but nothing is lost. A stateless processor may run on several worker threads
/// (<see cref="StageRunnerOptions.Workers"/>): records are dispatched by partition, so each
/// partition's records are processed in order, and every commit first waits until all dispatched
/// records are processed.
/// </summary>
public sealed class StageRunner : IStageHealth
{
    private readonly IRecordProcessor _processor;
    private readonly StageRunnerOptions _options;
    private readonly ILogger _logger;
    private readonly IStatefulProcessor? _stateful;
    private readonly Func<IRecordProcessor>? _createProcessor;
    private PartitionWorkers? _workers;
    private bool _exactlyOnce;
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

    /// <summary>True while the runner commits with transactions (exactly-once).</summary>
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
            .SetPartitionsRevokedHandler((c, partitions) =>
            {
                // Hand over cleanly: everything processed so far is acknowledged and committed
                // (for a stateful stage: up to its safe offsets, so the next owner rebuilds the state).
                _logger.LogInformation("{Stage}: {Count} partitions revoked, committing", _processor.Name, partitions.Count);
                Commit(c, _options.ShutdownTimeout);
                Forget(partitions.Select(p => p.TopicPartition).ToList());
            })
            .SetPartitionsLostHandler((c, partitions) =>
            {
                // Lost partitions belong to someone else already: their offsets must not be committed by us.
                _logger.LogWarning("{Stage}: {Count} partitions lost; their uncommitted records will be processed again", _processor.Name, partitions.Count);
                DrainWorkers();
                Forget(partitions.Select(p => p.TopicPartition).ToList());
                if (_exactlyOnce)
                {
                    // Their outputs are in the open transaction: abort it and redo what we still own.
                    AbortAndRewind(c);
                }
            })
            .Build();

        using var lagGauge = StreamPrivacyTelemetry.ObserveConsumerLag(_lag.Observe);
        if (_options.Hooks is { } hooks)
        {
            hooks.OnStarted(_output);
            CommitHookOutputs();
        }

        consumer.Subscribe(_processor.InputTopics);
        _lastCommitTicks = Stopwatch.GetTimestamp();
        _logger.LogInformation("{Stage}: started, consuming {Topics}", _processor.Name, string.Join(", ", _processor.InputTopics));
        try
        {
            Loop(consumer, stoppingToken);
            _options.Hooks?.OnStopping(_output);
            Commit(consumer, _options.ShutdownTimeout);
            if (_options.Hooks is not null)
            {
                CommitHookOutputs();
            }
        }
        finally
        {
            // After a failure, records still queued are dropped and their offsets never committed
            // (the consumer's close below may commit in its revoke handler, but only drained offsets).
            workers?.Dispose();
            _workers = null;
            CloseQuietly(consumer);
            _producer = null;
            _admin = null;
        }

        _logger.LogInformation("{Stage}: stopped after {Count} records", _processor.Name, Counters.Consumed);
    }

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
            var due = Stopwatch.GetElapsedTime(_lastCommitTicks) >= _options.CommitInterval;
            if (_sinceCommit >= _options.CommitEveryRecords || (due && (_sinceCommit > 0 || _stateful is not null)))
            {
                Commit(consumer, _options.ShutdownTimeout);
            }
        }
    }

    private void Commit(IConsumer<byte[]?, byte[]?> consumer, TimeSpan timeout)
    {
        DrainWorkers();
        if (_processed.Count == 0 || _producer is null)
        {
            return;
        }

        FlushOutputs(timeout);
        var offsets = new List<TopicPartitionOffset>(_processed.Count);
        foreach (var (partition, processed) in _processed)
        {
            var offset = _stateful?.SafeOffset(partition, processed) ?? processed;
            if (offset.Value >= 0 && (!_committed.TryGetValue(partition, out var last) || last != offset))
            {
                offsets.Add(new TopicPartitionOffset(partition, offset));
            }
        }

        if (_exactlyOnce)
        {
            CommitTransaction(consumer, offsets, timeout);
        }
        else
        {
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

    // Exactly-once needs a transactional producer; when the broker cannot provide one and the
    // guarantee was chosen automatically, fall back to the at-least-once producer with a warning.
    private IProducer<byte[]?, byte[]> CreateProducer()
    {
        IProducer<byte[]?, byte[]> Build(StageRunnerOptions options) => new ProducerBuilder<byte[]?, byte[]>(KafkaClientConfigs.Producer(options))
            .SetErrorHandler((_, e) => LogClientError("producer", e))
            .SetLogHandler((_, m) => LogClientMessage(m))
            .Build();

        if (!_exactlyOnce)
        {
            return Build(_options);
        }

        var producer = Build(_options);
        try
        {
            producer.InitTransactions(_options.ShutdownTimeout);
            producer.BeginTransaction();
            _logger.LogInformation("{Stage}: exactly-once (transactional id {Id})", _processor.Name, _options.TransactionalId);
            return producer;
        }
        catch (KafkaException ex) when (_options.FallBackToAtLeastOnce)
        {
            producer.Dispose();
            _deliveryError = null;
            _exactlyOnce = false;
            _logger.LogWarning("{Stage}: the broker refused transactions ({Code}); running at-least-once", _processor.Name, ex.Error.Code);
            return Build(new StageRunnerOptions
            {
                BootstrapServers = _options.BootstrapServers,
                GroupId = _options.GroupId,
                ClientId = _options.ClientId,
                CommonProperties = _options.CommonProperties,
                ProducerProperties = _options.ProducerProperties,
            });
        }
    }

    // Outputs of lifecycle hooks do not wait for an input record: acknowledge (or commit) them now.
    private void CommitHookOutputs()
    {
        if (!_exactlyOnce)
        {
            FlushOutputs(_options.ShutdownTimeout);
            return;
        }

        var producer = _producer!;
        try
        {
            producer.CommitTransaction(_options.ShutdownTimeout);
            producer.BeginTransaction();
        }
        catch (KafkaException ex)
        {
            throw new StageFailedException($"{_processor.Name}: could not commit the stage's lifecycle records ({ex.Error.Code})");
        }
    }

    private void Remember(List<TopicPartitionOffset> offsets)
    {
        foreach (var o in offsets)
        {
            _committed[o.TopicPartition] = o.Offset;
        }
    }

    // Outputs and input offsets commit atomically; a new transaction starts at once.
    private void CommitTransaction(IConsumer<byte[]?, byte[]?> consumer, List<TopicPartitionOffset> offsets, TimeSpan timeout)
    {
        var producer = _producer!;
        try
        {
            if (offsets.Count > 0)
            {
                producer.SendOffsetsToTransaction(offsets, consumer.ConsumerGroupMetadata, timeout);
            }

            producer.CommitTransaction(timeout);
            Counters.OnCommitted();
            Remember(offsets);
            producer.BeginTransaction();
        }
        catch (KafkaTxnRequiresAbortException ex)
        {
            _logger.LogWarning("{Stage}: transaction must be aborted ({Code}); re-processing from the last commit", _processor.Name, ex.Error.Code);
            AbortAndRewind(consumer);
        }
        catch (KafkaRetriableException ex)
        {
            _logger.LogWarning("{Stage}: transaction commit failed with {Code}; aborting and re-processing", _processor.Name, ex.Error.Code);
            AbortAndRewind(consumer);
        }
    }

    // Exactly-once recovery: abort the open transaction (its outputs never become visible), seek every
    // owned partition back to its committed offset and rebuild stateful processors from there.
    private void AbortAndRewind(IConsumer<byte[]?, byte[]?> consumer)
    {
        var producer = _producer!;
        producer.AbortTransaction(_options.ShutdownTimeout);
        _options.Hooks?.OnAborted();
        var assignment = consumer.Assignment;
        var committed = assignment.Count == 0 ? [] : consumer.Committed(assignment, _options.ShutdownTimeout);
        foreach (var c in committed)
        {
            consumer.Seek(new TopicPartitionOffset(c.TopicPartition, c.Offset.Value >= 0 ? c.Offset : Offset.Beginning));
            _processed.Remove(c.TopicPartition);
            _dispatched.Remove(c.TopicPartition);
        }

        if (_stateful is not null && assignment.Count > 0)
        {
            _stateful.OnRevoked(assignment);
            _stateful.OnAssigned(assignment);
        }

        _sinceCommit = 0;
        producer.BeginTransaction();
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

    private void FlushOutputs(TimeSpan timeout)
    {
        var producer = _producer ?? throw new InvalidOperationException("the stage is not running");
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (producer.Flush(TimeSpan.FromMilliseconds(100)) > 0)
        {
            ThrowIfDeliveryFailed();
            if (Stopwatch.GetTimestamp() > deadline)
            {
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
        producer.ProduceWithBackpressure(new TopicPartition(topic, partition), message, _onDelivered, _throwIfDeliveryFailed);
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
        producer.ProduceWithBackpressure(topic, message, _onDelivered, _throwIfDeliveryFailed);
    }

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
        if (report.Error.IsError)
        {
            _deliveryError ??= report.Error;
        }
        else
        {
            Counters.OnProduced(report.Topic);
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
    private static readonly TimeSpan MetadataMaxAge = TimeSpan.FromSeconds(30);

    private sealed class Output(StageRunner runner) : IStageOutput
    {
        public void Produce(string topic, byte[]? key, byte[] value, Headers? headers = null) => runner.Produce(topic, key, value, headers);

        public void Produce(string topic, int partition, byte[]? key, byte[] value) => runner.ProduceTo(topic, partition, key, value);

        public int PartitionCount(string topic) => runner.PartitionCount(topic);

        public void Flush() => runner.FlushOutputs(runner._options.ShutdownTimeout);
    }
}
