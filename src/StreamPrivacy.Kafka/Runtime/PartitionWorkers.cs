using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Confluent.Kafka;

namespace StreamPrivacy.Kafka.Runtime;

/// <summary>
/// Worker threads for a stateless processor: the consumer thread dispatches each record to the worker
/// its partition maps to (so records of one partition are processed in order, by one thread), each
/// worker with its own processor instance. Every worker queue is bounded: dispatching to a full queue
/// blocks the consumer thread, so in-flight work never exceeds workers × (capacity + one batch). The runner commits
/// only after <see cref="Drain"/>, which returns once every dispatched record has been processed.
/// </summary>
internal sealed class PartitionWorkers : IDisposable
{
    private readonly Worker[] _workers;
    private readonly StageCounters _counters;
    private readonly IStageOutput _output;
    private readonly object _gate = new();
    private long _dispatched;
    private long _completed;
    private long _drainTarget = -1;
    private ExceptionDispatchInfo? _fault;
    private bool _disposed;

    /// <summary>Starts one worker thread per processor; <paramref name="capacity"/> records may wait per worker.</summary>
    public PartitionWorkers(IReadOnlyList<IRecordProcessor> processors, IStageOutput output, StageCounters counters, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(processors.Count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _output = output;
        _counters = counters;
        _workers = new Worker[processors.Count];
        for (var i = 0; i < _workers.Length; i++)
        {
            var queue = new BoundedWorkQueue<ConsumeResult<byte[]?, byte[]?>>(capacity);
            var worker = new Worker(processors[i], queue, new Thread(Run) { IsBackground = true, Name = $"{processors[i].Name}-worker-{i}" });
            _workers[i] = worker;
            worker.Thread.Start(worker);
        }
    }

    /// <summary>Number of worker threads.</summary>
    public int Count => _workers.Length;

    /// <summary>Records dispatched and not yet processed.</summary>
    public long InFlight => Volatile.Read(ref _dispatched) - Interlocked.Read(ref _completed);

    /// <summary>The worker that processes <paramref name="partition"/>'s records.</summary>
    public int WorkerOf(TopicPartition partition) =>
        (int)((uint)HashCode.Combine(StringComparer.Ordinal.GetHashCode(partition.Topic), partition.Partition.Value) % (uint)_workers.Length);

    /// <summary>
    /// Queues <paramref name="record"/> for its partition's worker; blocks while that worker's queue is
    /// full. Consumer thread only.
    /// </summary>
    /// <exception cref="Exception">A worker failed: its exception is rethrown.</exception>
    public void Dispatch(ConsumeResult<byte[]?, byte[]?> record)
    {
        ThrowIfFaulted();
        _dispatched++;

        // Blocks while the queue is full (backpressure); false means the worker stopped after a failure.
        if (!_workers[WorkerOf(record.TopicPartition)].Queue.Add(record))
        {
            _dispatched--;
            ThrowIfFaulted();
            throw new ObjectDisposedException(nameof(PartitionWorkers));
        }
    }

    /// <summary>Blocks until every dispatched record has been processed. Consumer thread only.</summary>
    /// <exception cref="Exception">A worker failed: its exception is rethrown.</exception>
    public void Drain()
    {
        var target = _dispatched;
        Volatile.Write(ref _drainTarget, target);
        try
        {
            lock (_gate)
            {
                while (Interlocked.Read(ref _completed) < target && Volatile.Read(ref _fault) is null)
                {
                    Monitor.Wait(_gate, DrainPoll);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _drainTarget, -1);
        }

        ThrowIfFaulted();
    }

    /// <summary>Rethrows the first worker failure, if any.</summary>
    public void ThrowIfFaulted() => Volatile.Read(ref _fault)?.Throw();

    /// <summary>Stops the workers: queued records not yet processed are dropped (nothing is committed for them).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var worker in _workers)
        {
            worker.Stopping = true;
            worker.Queue.Abandon();
        }

        foreach (var worker in _workers)
        {
            worker.Thread.Join(JoinTimeout);
        }
    }

    private void Run(object? state)
    {
        var worker = (Worker)state!;
        var batch = new List<ConsumeResult<byte[]?, byte[]?>>(BatchSize);
        try
        {
            while (worker.Queue.Take(batch, BatchSize))
            {
                foreach (var record in batch)
                {
                    if (worker.Stopping)
                    {
                        return;
                    }

                    var started = Stopwatch.GetTimestamp();
                    worker.Processor.Process(record, _output);
                    _counters.OnProcessed(record.Message.Timestamp, started);
                    Completed();
                }

                batch.Clear();
            }
        }
        catch (Exception ex)
        {
            // The stage fails: the consumer thread rethrows this and commits nothing more.
            Interlocked.CompareExchange(ref _fault, ExceptionDispatchInfo.Capture(ex), null);
            worker.Queue.Abandon();
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }
        }
    }

    private void Completed()
    {
        if (Interlocked.Increment(ref _completed) == Volatile.Read(ref _drainTarget))
        {
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }
        }
    }

    private const int BatchSize = 64;
    private static readonly TimeSpan DrainPoll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(30);

    private sealed class Worker(IRecordProcessor processor, BoundedWorkQueue<ConsumeResult<byte[]?, byte[]?>> queue, Thread thread)
    {
        public IRecordProcessor Processor { get; } = processor;

        public BoundedWorkQueue<ConsumeResult<byte[]?, byte[]?>> Queue { get; } = queue;

        public Thread Thread { get; } = thread;

        public volatile bool Stopping;
    }
}
