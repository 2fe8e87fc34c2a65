using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using StreamPrivacy.Core.Audit;
using StreamPrivacy.Core.Privacy;
using StreamPrivacy.Kafka.Runtime;
using StreamPrivacy.Kafka.Stages.Audit;

namespace StreamPrivacy.Kafka.Tests.Stages;

/// <summary>The audit writer's view of aborted transactions (exactly-once): stale only if it wrote into one.</summary>
public sealed class AuditWriterAbortTests
{
    private static readonly SecretKey Key = new(new byte[32]);

    [Fact]
    public void OnStopping_AbortAfterTheStartupEntriesWereCommitted_StillWritesTheClosingHead()
    {
        var reads = 0;
        var writer = Writer(() => reads++);
        var output = new Capture();
        writer.OnStarted(output);
        writer.OnCommitted();

        // The sanitize stage writes nothing between start and stop: a later abort (of records it
        // sanitized) cannot have touched the chain. Before the fix this marked it stale, and the
        // graceful stop wrote no closing head.
        writer.OnAborted();
        var before = output.Count;
        writer.OnStopping(output);

        Assert.Equal(before + 1, output.Count);
        Assert.Equal(AuditEntryKind.ChainHead, AuditEntryJson.Decode(output.LastValue).Kind);
        Assert.Equal(1, reads); // the ledger was read once, at start
    }

    [Fact]
    public void Append_AfterAnAbortOfUncommittedEntries_RereadsTheLedger()
    {
        var reads = 0;
        var writer = Writer(() => reads++);
        var output = new Capture();
        writer.Append(output, AuditEntryKind.Release, new AuditSubject { ReleaseId = "r1", Outcome = "charged" });
        writer.OnAborted();
        writer.Append(output, AuditEntryKind.Release, new AuditSubject { ReleaseId = "r1", Outcome = "charged" });

        // The aborted entry never reached the ledger: the chain continues from what the ledger holds.
        Assert.Equal(2, reads);
        Assert.Equal(0, AuditEntryJson.Decode(output.LastValue).Sequence);
    }

    private static AuditWriter Writer(Action onRead) => new(
        "sanitize/test",
        "ledger",
        Key,
        () =>
        {
            onRead();
            return [];
        },
        TimeProvider.System,
        NullLogger.Instance,
        [(AuditEntryKind.PolicyLoad, new AuditSubject { PolicyVersion = "1", Outcome = "loaded" })]);

    private sealed class Capture : IStageOutput
    {
        private readonly List<byte[]> _values = [];

        public int Count => _values.Count;

        public byte[] LastValue => _values[^1];

        public void Produce(string topic, byte[]? key, byte[] value, Headers? headers = null) => _values.Add(value);

        public void Produce(string topic, int partition, byte[]? key, byte[] value) => _values.Add(value);

        public int PartitionCount(string topic) => 1;

        public void Flush()
        {
        }
    }
}
