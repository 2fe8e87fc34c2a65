using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StreamPrivacy.Core.Drift;
using StreamPrivacy.Core.Privacy;
using StreamPrivacy.Core.Windowing;
using StreamPrivacy.Kafka.Configuration;
using StreamPrivacy.Kafka.Runtime;
using StreamPrivacy.Kafka.Stages;
using StreamPrivacy.Kafka.Stages.Drift;

namespace StreamPrivacy.Kafka.Tests.Stages;

/// <summary>
/// The release stage after an aborted transaction (exactly-once): what it released in that transaction
/// never reached the ledger, so it must release it again — recorded this time — rather than treat it
/// as a replay. Driven directly through the <see cref="IStatefulProcessor"/> calls the runner makes on
/// an abort (OnAborted, OnRevoked, OnAssigned), with an in-memory ledger standing for the committed one.
/// </summary>
public sealed class ReleaseAbortTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly TopicPartition Partials = new(new TopicOptions().Partials, 0);
    private static readonly ReferenceProfile Reference = BuildReference();

    [Fact]
    public void OnAborted_ReleaseOfTheAbortedTransaction_IsRecordedAgainWithTheSameValuesAndChargedOnce()
    {
        var ledger = new List<SnapshotRecord>();
        var (processor, counters) = Create(ledger);
        processor.OnAssigned([Partials]);
        var first = new CapturingOutput();
        Feed(processor, first);
        var firstRelease = Assert.Single(first.Ledger("release|"));
        var firstBudget = Assert.Single(first.Ledger("budget|"));
        Assert.NotEmpty(first.On(new TopicOptions().Metrics));

        // The transaction with those outputs aborts: the ledger (committed records) is still empty.
        processor.OnAborted();
        processor.OnRevoked([Partials]);
        processor.OnAssigned([Partials]);
        var second = new CapturingOutput();
        Feed(processor, second);

        // Released again, not replayed: the ledger record is written again, byte for byte (noise from
        // the release id, never redrawn), and the budget shows one charge, not two.
        Assert.Equal(firstRelease, Assert.Single(second.Ledger("release|")));
        Assert.Equal(firstBudget, Assert.Single(second.Ledger("budget|")));
        Assert.Equal(first.On(new TopicOptions().Metrics), second.On(new TopicOptions().Metrics));
        Assert.Equal(0, counters.Dropped);
    }

    [Fact]
    public void OnAssigned_ReleaseCommittedToTheLedger_IsReplayedByteForByteWithoutANewLedgerRecord()
    {
        var ledger = new List<SnapshotRecord>();
        var (processor, counters) = Create(ledger);
        processor.OnAssigned([Partials]);
        var first = new CapturingOutput();
        Feed(processor, first);

        // This time the transaction committed: the ledger holds the release; a new owner replays it.
        ledger.AddRange(first.Records.Where(r => r.Topic == new TopicOptions().Ledger).Select((r, i) => new SnapshotRecord(r.Key, r.Value, 0, i)));
        var (replayer, replayCounters) = Create(ledger);
        replayer.OnAssigned([Partials]);
        var replay = new CapturingOutput();
        Feed(replayer, replay);

        Assert.Empty(replay.Ledger("release|"));
        Assert.Equal(first.On(new TopicOptions().Metrics), replay.On(new TopicOptions().Metrics));
        Assert.Equal(1, replayCounters.Dropped); // replayed_release
        Assert.Equal(0, counters.Dropped);
    }

    [Fact]
    public void Tick_ReleaseOutsideTheRetainedBudgetPeriods_IsDroppedFromMemoryAndNeverReleasedAgain()
    {
        var ledger = new List<SnapshotRecord>();
        var time = new FakeTimeProvider(T0.AddMinutes(6));
        var (processor, counters) = Create(ledger, time);
        processor.OnAssigned([Partials]);
        var first = new CapturingOutput();
        Feed(processor, first);
        Assert.Equal(1, processor.ReleaseCount);

        // Three days on, the window's budget period (a day, two retained) is gone: the record leaves memory.
        time.Advance(TimeSpan.FromDays(3));
        processor.Tick(new CapturingOutput());
        Assert.Equal(0, processor.ReleaseCount);

        // Its partials again (e.g. offsets reset): refused, not released with fresh noise, not re-emitted.
        processor.OnRevoked([Partials]);
        processor.OnAssigned([Partials]);
        var again = new CapturingOutput();
        Feed(processor, again);
        Assert.Empty(again.Ledger("release|"));
        Assert.Empty(again.On(new TopicOptions().Metrics));
        Assert.Equal(1, counters.Dropped); // budget_period_closed
    }

    private static (ReleaseProcessor Processor, StageCounters Counters) Create(List<SnapshotRecord> ledger, FakeTimeProvider? time = null)
    {
        var drift = new DriftOptions { Window = TimeSpan.FromMinutes(5), MaxEmptyWindows = 0 };
        var counters = new StageCounters(ReleaseProcessor.StageName);
        var processor = new ReleaseProcessor(
            new TopicOptions(),
            drift,
            new Dictionary<string, ReferenceProfile>(StringComparer.Ordinal) { ["m"] = Reference },
            "policy-1",
            new SecretKey(new byte[32]),
            () => [.. ledger],
            counters,
            time ?? new FakeTimeProvider(T0.AddMinutes(6)),
            NullLogger.Instance);
        return (processor, counters);
    }

    // One partial of window [T0, T0+5min) and watermarks past it from both sanitized topics: the window releases.
    private static void Feed(ReleaseProcessor processor, CapturingOutput output)
    {
        var topics = new TopicOptions();
        var partial = new PartialWindow(
            new StreamId("m", "1", "inference"), new Window(T0, T0.AddMinutes(5)), topics.InferenceSanitized, 0, Reference.ContentHash,
            new Dictionary<string, long[]> { ["x"] = [20, 30, 25, 25] },
            new Dictionary<string, long> { ["x"] = 0 },
            100,
            0);
        byte[][] values =
        [
            PartialsMessage.Encode(partial, T0),
            PartialsMessage.EncodeWatermark(topics.InferenceSanitized, 0, T0.AddMinutes(6), T0),
            PartialsMessage.EncodeWatermark(topics.FeaturesSanitized, 0, T0.AddMinutes(6), T0),
        ];
        for (var i = 0; i < values.Length; i++)
        {
            processor.Process(new ConsumeResult<byte[]?, byte[]?>
            {
                TopicPartitionOffset = new TopicPartitionOffset(Partials, i),
                Message = new Message<byte[]?, byte[]?> { Key = Encoding.UTF8.GetBytes("m/1/inference"), Value = values[i] },
            }, output);
        }

        processor.Tick(output);
    }

    private static ReferenceProfile BuildReference()
    {
        var builder = new ReferenceProfileBuilder(4);
        for (var i = 0; i < 100; i++)
        {
            builder.AddNumber("x", i);
        }

        return builder.Build();
    }

    private sealed class CapturingOutput : IStageOutput
    {
        public List<(string Topic, byte[]? Key, byte[] Value)> Records { get; } = [];

        public List<string> Ledger(string keyPrefix) =>
            [.. Records.Where(r => r.Topic == new TopicOptions().Ledger && r.Key is not null && Encoding.UTF8.GetString(r.Key).StartsWith(keyPrefix, StringComparison.Ordinal))
                .Select(r => Encoding.UTF8.GetString(r.Value))];

        public List<string> On(string topic) => [.. Records.Where(r => r.Topic == topic).Select(r => Encoding.UTF8.GetString(r.Value))];

        public void Produce(string topic, byte[]? key, byte[] value, Headers? headers = null) => Records.Add((topic, key, value));

        public void Produce(string topic, int partition, byte[]? key, byte[] value) => Records.Add((topic, key, value));

        public int PartitionCount(string topic) => 1;

        public void Flush()
        {
        }
    }
}
