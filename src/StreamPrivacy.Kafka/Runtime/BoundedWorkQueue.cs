namespace StreamPrivacy.Kafka.Runtime;

/// <summary>
/// A bounded single-producer, single-consumer hand-off between the consumer thread and one worker.
/// <see cref="Add"/> blocks while the queue is full and resumes only once the worker has taken it
/// down to half its capacity (hysteresis): with a busy worker, the consumer thread then wakes once
/// per half queue instead of once per record, which on a small machine saves a context switch per
/// record. The worker takes records in batches under one lock.
/// </summary>
/// <typeparam name="T">Item type.</typeparam>
internal sealed class BoundedWorkQueue<T>
{
    private readonly Queue<T> _items;
    private readonly int _capacity;
    private readonly int _resumeAt;
    private readonly object _lock = new();
    private bool _writerWaiting;
    private bool _readerWaiting;
    private bool _completed;

    /// <summary>Creates a queue holding at most <paramref name="capacity"/> items.</summary>
    public BoundedWorkQueue(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _resumeAt = capacity / 2;
        _items = new Queue<T>(capacity);
    }

    /// <summary>Maximum number of queued items.</summary>
    public int Capacity => _capacity;

    /// <summary>Items queued now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>Queues <paramref name="item"/>, blocking while the queue is full; false once the queue is completed.</summary>
    public bool Add(T item)
    {
        lock (_lock)
        {
            while (_items.Count >= _capacity && !_completed)
            {
                _writerWaiting = true;
                Monitor.Wait(_lock);
            }

            if (_completed)
            {
                return false;
            }

            _items.Enqueue(item);
            if (_readerWaiting)
            {
                _readerWaiting = false;
                Monitor.PulseAll(_lock);
            }

            return true;
        }
    }

    /// <summary>
    /// Moves up to <paramref name="max"/> items into <paramref name="batch"/>, blocking while the queue
    /// is empty; false once the queue is completed and empty.
    /// </summary>
    public bool Take(List<T> batch, int max)
    {
        lock (_lock)
        {
            while (_items.Count == 0)
            {
                if (_completed)
                {
                    return false;
                }

                _readerWaiting = true;
                Monitor.Wait(_lock);
            }

            while (batch.Count < max && _items.TryDequeue(out var item))
            {
                batch.Add(item);
            }

            if (_writerWaiting && _items.Count <= _resumeAt)
            {
                _writerWaiting = false;
                Monitor.PulseAll(_lock);
            }

            return true;
        }
    }

    /// <summary>Refuses further items and wakes both sides; items already queued can still be taken.</summary>
    public void Complete()
    {
        lock (_lock)
        {
            _completed = true;
            Monitor.PulseAll(_lock);
        }
    }

    /// <summary>Completes the queue and discards what it holds.</summary>
    public void Abandon()
    {
        lock (_lock)
        {
            _completed = true;
            _items.Clear();
            Monitor.PulseAll(_lock);
        }
    }
}
