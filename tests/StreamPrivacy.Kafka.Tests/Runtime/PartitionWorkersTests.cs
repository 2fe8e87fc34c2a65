using System.Collections.Concurrent;
using Confluent.Kafka;
using StreamPrivacy.Kafka.Runtime;

namespace StreamPrivacy.Kafka.Tests.Runtime;

/// <summary>The worker pool behind <c>processing.workers</c>: bounded hand-off, per-partition order, failures.</summary>
public sealed class PartitionWorkersTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Add_FullQueue_BlocksUntilTheWorkerHasTakenItDownToHalf()
    {
        var queue = new BoundedWorkQueue<int>(4);
        for (var i = 0; i < 4; i++)
        {
            Assert.True(queue.Add(i));
        }

        var blocked = Task.Run(() => queue.Add(4));
        Assert.False(await CompletesWithin(blocked, TimeSpan.FromMilliseconds(300)), "Add returned although the queue was full");
        Assert.Equal(4, queue.Count);

        var batch = new List<int>();
        Assert.True(queue.Take(batch, max: 1)); // 3 left: above half, the writer stays blocked
        Assert.False(await CompletesWithin(blocked, TimeSpan.FromMilliseconds(300)), "Add resumed above half capacity");
        batch.Clear();
        Assert.True(queue.Take(batch, max: 1)); // 2 left: half, the writer resumes
        Assert.True(await CompletesWithin(blocked, Timeout));
        Assert.True(await blocked);
        Assert.Equal(3, queue.Count);
    }

    [Fact]
    public async Task Complete_WakesABlockedWriterWithFalse()
    {
        var queue = new BoundedWorkQueue<int>(1);
        Assert.True(queue.Add(0));
        var blocked = Task.Run(() => queue.Add(1));
        Assert.False(await CompletesWithin(blocked, TimeSpan.FromMilliseconds(200)));
        queue.Complete();
        Assert.True(await CompletesWithin(blocked, Timeout));
        Assert.False(await blocked);
    }

    [Fact]
    public async Task Dispatch_WorkerBusyAndQueueFull_BlocksTheConsumerThread()
    {
        var processor = new GatedProcessor();
        using var workers = new PartitionWorkers([processor], new NullOutput(), new StageCounters("test"), capacity: 2);

        workers.Dispatch(Record(0, 0));
        Assert.True(processor.Started.Wait(Timeout)); // the worker holds record 0 and waits at the gate
        workers.Dispatch(Record(0, 1));
        workers.Dispatch(Record(0, 2)); // the queue (capacity 2) is now full

        var fourth = Task.Run(() => workers.Dispatch(Record(0, 3)));
        Assert.False(await CompletesWithin(fourth, TimeSpan.FromMilliseconds(300)), "Dispatch returned although the worker's queue was full");
        Assert.Equal(4, workers.InFlight);

        processor.Gate.Set();
        Assert.True(await CompletesWithin(fourth, Timeout));
        workers.Drain();
        Assert.Equal(0, workers.InFlight);
        Assert.Equal([0L, 1, 2, 3], processor.Offsets);
    }

    [Fact]
    public void Dispatch_ManyPartitions_KeepsEachPartitionInOrderOnOneWorker()
    {
        var processors = Enumerable.Range(0, 4).Select(_ => new RecordingProcessor()).ToList();
        using var workers = new PartitionWorkers(processors, new NullOutput(), new StageCounters("test"), capacity: 8);
        for (var offset = 0; offset < 200; offset++)
        {
            for (var partition = 0; partition < 12; partition++)
            {
                workers.Dispatch(Record(partition, offset));
            }
        }

        workers.Drain();
        var seen = processors.SelectMany((p, worker) => p.Records.Select(r => (Worker: worker, r.Partition, r.Offset))).ToList();
        Assert.Equal(12 * 200, seen.Count);
        foreach (var partition in seen.GroupBy(r => r.Partition))
        {
            Assert.Single(partition.Select(r => r.Worker).Distinct());
            Assert.Equal(Enumerable.Range(0, 200).Select(i => (long)i), partition.Select(r => r.Offset));
        }

        Assert.True(processors.Count(p => !p.Records.IsEmpty) > 1, "all partitions landed on one worker");
    }

    [Fact]
    public void Drain_AfterAWorkerFailed_RethrowsItsException()
    {
        using var workers = new PartitionWorkers([new FailingProcessor()], new NullOutput(), new StageCounters("test"), capacity: 4);
        workers.Dispatch(Record(0, 0));
        var ex = Assert.Throws<InvalidOperationException>(workers.Drain);
        Assert.Equal("boom", ex.Message);
        Assert.Throws<InvalidOperationException>(() => workers.Dispatch(Record(0, 1)));
    }

    private static async Task<bool> CompletesWithin(Task task, TimeSpan timeout) => await Task.WhenAny(task, Task.Delay(timeout)) == task;

    private static ConsumeResult<byte[]?, byte[]?> Record(int partition, long offset) => new()
    {
        TopicPartitionOffset = new TopicPartitionOffset("t", partition, offset),
        Message = new Message<byte[]?, byte[]?> { Value = [1], Timestamp = Timestamp.Default },
    };

    private sealed class GatedProcessor : IRecordProcessor
    {
        public ManualResetEventSlim Started { get; } = new();

        public ManualResetEventSlim Gate { get; } = new();

        public List<long> Offsets { get; } = [];

        public string Name => "gated";

        public IReadOnlyList<string> InputTopics => ["t"];

        public void Process(ConsumeResult<byte[]?, byte[]?> record, IStageOutput output)
        {
            Started.Set();
            Gate.Wait();
            Offsets.Add(record.Offset.Value);
        }
    }

    private sealed class RecordingProcessor : IRecordProcessor
    {
        public ConcurrentQueue<(int Partition, long Offset)> Records { get; } = new();

        public string Name => "recording";

        public IReadOnlyList<string> InputTopics => ["t"];

        public void Process(ConsumeResult<byte[]?, byte[]?> record, IStageOutput output) =>
            Records.Enqueue((record.Partition.Value, record.Offset.Value));
    }

    private sealed class FailingProcessor : IRecordProcessor
    {
        public string Name => "failing";

        public IReadOnlyList<string> InputTopics => ["t"];

        public void Process(ConsumeResult<byte[]?, byte[]?> record, IStageOutput output) => throw new InvalidOperationException("boom");
    }

    private sealed class NullOutput : IStageOutput
    {
        public void Produce(string topic, byte[]? key, byte[] value, Headers? headers = null)
        {
        }

        public void Produce(string topic, int partition, byte[]? key, byte[] value)
        {
        }

        public int PartitionCount(string topic) => 1;

        public void Flush()
        {
        }
    }
}
