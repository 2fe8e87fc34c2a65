using Confluent.Kafka;
using StreamPrivacy.Kafka.Embedded;
using StreamPrivacy.Kafka.Runtime;
using Xunit.Abstractions;
using static StreamPrivacy.Kafka.Tests.Runtime.TransactionalRunnerHarness;

namespace StreamPrivacy.Kafka.Tests.Runtime;

/// <summary>
/// The exactly-once call flow of <see cref="StageRunner"/> on the embedded mock cluster (see
/// <see cref="TransactionalRunnerHarness"/> for what the mock can and cannot verify): outputs with idle
/// input are committed, failed deliveries and abortable commit errors abort and rewind instead of
/// stopping the stage, lost partitions do not crash it, and nothing is committed after a failure.
/// Isolation itself (read_committed never seeing aborted records) is tier 3 (<c>Tiers/ExactlyOnceTests</c>).
/// </summary>
public sealed class ExactlyOnceRunnerTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_TickOutputWithIdleInput_IsCommitted()
    {
        using var h = new TransactionalRunnerHarness();
        var hooks = new TickHooks();
        var runner = new StageRunner(new CopyProcessor(), h.Options(hooks), new StageCounters("eos-copy"), TransactionalRunnerHarness.Logger);
        using var cts = new CancellationTokenSource();
        var run = runner.RunAsync(cts.Token);
        Assert.True(await WaitAsync(() => runner.HasAssignment, Timeout, runner), "no assignment");

        // No input at all: the only thing to commit is the hook's output. Before the fix the open
        // transaction was never committed (read_committed readers never saw it; the broker aborted it
        // after transaction.timeout.ms and the stage failed on the next produce).
        var before = runner.Counters.Commits;
        hooks.Emit("alert-1");
        Assert.True(await WaitAsync(() => runner.Counters.Commits > before, Timeout, runner), "the tick output was not committed");
        Assert.Equal(1, hooks.TicksWithOutput);

        // Nothing new: no further (empty) transactions are committed.
        var after = runner.Counters.Commits;
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(after, runner.Counters.Commits);

        await cts.CancelAsync();
        await run;
        Assert.Contains("alert-1", h.ReadOutput());
        Assert.Equal(0, runner.Counters.Aborts);
    }

    [Fact]
    public async Task Run_FailedDeliveryAndPurgedRecords_AbortsRewindsAndDeliversEverything()
    {
        const int Count = 60;
        using var h = new TransactionalRunnerHarness();
        h.ProduceInput(0, Count);

        // The first produce request of the stage fails for good: the transaction becomes abortable and
        // librdkafka purges its queued records (Local_PurgeQueue delivery reports). Neither may stop the
        // stage. (On the mock the next transaction after such an abort may fail once more with
        // OutOfOrderSequenceNumber, the mock not resetting sequences on the epoch bump: one more abort.)
        h.Cluster.PushRequestErrors(KafkaApiKey.Produce, ErrorCode.TopicAuthorizationFailed);
        var processor = new CopyProcessor(copies: 3);
        var hooks = new TickHooks(() => processor.Processed);
        var runner = new StageRunner(processor, h.Options(hooks), new StageCounters("eos-copy"), TransactionalRunnerHarness.Logger);
        using var cts = new CancellationTokenSource();
        var run = runner.RunAsync(cts.Token);

        // Settled: after the last abort the input was processed again in full (a rewind goes back to the
        // start on the mock, which does not store transactional offsets) and committed.
        var settled = await WaitAsync(() => hooks.CommittedAfterAbort(Count), Timeout, runner);
        output.WriteLine($"aborts {runner.Counters.Aborts}, commits {runner.Counters.Commits}, processed {processor.Processed}");
        Assert.False(runner.Failed, "the stage stopped on a failed delivery");
        Assert.True(settled, $"aborts {runner.Counters.Aborts}, commits {runner.Counters.Commits}, processed {processor.Processed}");
        Assert.True(runner.Counters.Aborts >= 1);
        // Records were processed again after the abort (how many first depends on when the failed
        // produce request was sent), and every record was processed after it.
        Assert.True(processor.Processed > Count, $"processed {processor.Processed}");
        await cts.CancelAsync();
        await run;
        var values = h.ReadOutput().ToHashSet(StringComparer.Ordinal);
        Assert.All(Enumerable.Range(0, Count), i => Assert.Contains($"v{i}#2", values));
    }

    [Fact]
    public async Task Run_CommitRefusedWithAnAbortableError_AbortsRewindsAndCommitsAgain()
    {
        const int Count = 30;
        using var h = new TransactionalRunnerHarness();
        h.ProduceInput(0, Count);

        // EndTxn timing out on the coordinator fails the commit with an abortable error (checked on the
        // mock: KafkaTxnRequiresAbortException); the consumer group rejecting the offsets likewise.
        h.Cluster.PushRequestErrors(KafkaApiKey.EndTxn, ErrorCode.RequestTimedOut);
        var processor = new CopyProcessor();
        var hooks = new TickHooks(() => processor.Processed);
        var runner = new StageRunner(processor, h.Options(hooks), new StageCounters("eos-copy"), TransactionalRunnerHarness.Logger);
        using var cts = new CancellationTokenSource();
        var run = runner.RunAsync(cts.Token);
        Assert.True(await WaitAsync(() => hooks.CommittedAfterAbort(Count), Timeout, runner), $"no abort and re-commit: aborts {runner.Counters.Aborts}, commits {runner.Counters.Commits}");

        // SendOffsetsToTransaction refused because the group generation moved on (KIP-447 fencing).
        h.Cluster.PushRequestErrors(KafkaApiKey.TxnOffsetCommit, ErrorCode.UnknownMemberId);
        var aborts = runner.Counters.Aborts;
        h.ProduceInput(Count, Count);
        Assert.True(await WaitAsync(() => runner.Counters.Aborts > aborts && hooks.CommittedAfterAbort(2 * Count), Timeout, runner), $"aborts {runner.Counters.Aborts}, commits {runner.Counters.Commits}, processed {processor.Processed}");
        await cts.CancelAsync();
        await run;
        Assert.False(runner.Failed);
        Assert.Equal(2 * Count, processor.Seen.Count);
    }

    [Fact]
    public async Task Run_RetriableCoordinatorErrors_RetryWithoutAborting()
    {
        const int Count = 30;
        using var h = new TransactionalRunnerHarness();
        h.ProduceInput(0, Count);
        h.Cluster.PushRequestErrors(KafkaApiKey.InitProducerId, ErrorCode.GroupCoordinatorNotAvailable, ErrorCode.GroupLoadInProgress);
        h.Cluster.PushRequestErrors(KafkaApiKey.AddOffsetsToTxn, ErrorCode.GroupCoordinatorNotAvailable, ErrorCode.ConcurrentTransactions);
        h.Cluster.PushRequestErrors(KafkaApiKey.EndTxn, ErrorCode.ConcurrentTransactions, ErrorCode.GroupLoadInProgress);
        var processor = new CopyProcessor();
        var runner = new StageRunner(processor, h.Options(), new StageCounters("eos-copy"), TransactionalRunnerHarness.Logger);
        using var cts = new CancellationTokenSource();
        var run = runner.RunAsync(cts.Token);
        Assert.True(await WaitAsync(() => runner.Counters.Commits >= 1 && processor.Seen.Count == Count, Timeout, runner), $"commits {runner.Counters.Commits}, seen {processor.Seen.Count}");
        await cts.CancelAsync();
        await run;
        Assert.Equal(0, runner.Counters.Aborts);
        Assert.Equal(Count, processor.Processed);
    }

    [Fact]
    public async Task Run_PartitionsLostWithOutputsInFlight_AbortsAndKeepsRunning()
    {
        using var h = new TransactionalRunnerHarness();
        for (var p = 0; p < 3; p++)
        {
            // Outputs go to broker 3, whose acknowledgements take 1.5 s, input arrives all the time and
            // nothing is committed until the stop: when the partitions are lost, outputs are in flight
            // and the abort purges them (Local_PurgeInflight/PurgeQueue delivery reports). Before the
            // fix those reports stopped the stage. Input stays on brokers 1 and 2.
            h.Cluster.SetPartitionLeader(TransactionalRunnerHarness.Output, p, 3);
            h.Cluster.SetPartitionLeader(TransactionalRunnerHarness.Input, p, 1 + (p % 2));
        }

        h.Cluster.SetBrokerRoundTripTime(3, TimeSpan.FromMilliseconds(1500));
        var processor = new CopyProcessor();
        var hooks = new TickHooks(() => processor.Processed);
        var options = h.Options(hooks, commitInterval: TimeSpan.FromHours(1), consumer: new Dictionary<string, string> { ["heartbeat.interval.ms"] = "300" });
        var runner = new StageRunner(processor, options, new StageCounters("eos-copy"), TransactionalRunnerHarness.Logger);
        using var cts = new CancellationTokenSource();
        var run = runner.RunAsync(cts.Token);
        using var feeding = new CancellationTokenSource();
        var feeder = Task.Run(async () =>
        {
            for (var i = 0; !feeding.IsCancellationRequested; i += 5)
            {
                h.ProduceInput(i, 5);
                await Task.Delay(20);
            }
        });
        try
        {
            Assert.True(await WaitAsync(() => processor.Processed >= 50, Timeout, runner), "nothing processed before the loss");

            // A heartbeat answered with UNKNOWN_MEMBER_ID: librdkafka declares the assignment lost.
            h.Cluster.PushRequestErrors(KafkaApiKey.Heartbeat, ErrorCode.UnknownMemberId);
            Assert.True(await WaitAsync(() => runner.Counters.Aborts >= 1, Timeout, runner), "partitions lost did not abort");

            // The stage rejoins and goes on processing in a new transaction.
            var atAbort = processor.Processed;
            Assert.True(await WaitAsync(() => processor.Processed > atAbort + 50, Timeout, runner), "no processing after the loss");
            Assert.False(runner.Failed, "partitions lost stopped the stage");
        }
        finally
        {
            await feeding.CancelAsync();
            await feeder;
            await cts.CancelAsync();
        }

        await run;
        Assert.False(runner.Failed);
        Assert.True(runner.Counters.Aborts >= 1);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Run_ProcessorThrows_CommitsNothingAndAbortsTheOpenTransaction(int workers)
    {
        const int Count = 40;
        using var h = new TransactionalRunnerHarness();
        h.ProduceInput(0, Count);

        // No periodic commit: everything processed before the failure is only in the open transaction.
        var processor = new CopyProcessor(throwAt: "v" + (Count - 1));
        var runner = new StageRunner(() => processor, h.Options(workers: workers, commitInterval: TimeSpan.FromHours(1)), new StageCounters("eos-copy"), TransactionalRunnerHarness.Logger);
        using var cts = new CancellationTokenSource(Timeout);
        await Assert.ThrowsAsync<InvalidOperationException>(() => runner.RunAsync(cts.Token));

        // Before the fix the consumer's close ran the revoke handler, which committed that transaction:
        // the partial work became visible while its input offsets were re-processed later (duplicates).
        Assert.True(runner.Failed);
        Assert.True(processor.Processed >= 1);
        Assert.Equal(0, runner.Counters.Commits);
        Assert.Equal(1, runner.Counters.Aborts);
    }
}
