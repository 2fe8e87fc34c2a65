using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using StreamPrivacy.Kafka.Runtime;
using StreamPrivacy.Kafka.Tests.Cli;
using StreamPrivacy.Kafka.Tests.Infrastructure;
using Xunit.Abstractions;
using static StreamPrivacy.Kafka.Tests.Runtime.TransactionalRunnerHarness;

namespace StreamPrivacy.Kafka.Tests.Tiers;

/// <summary>
/// Exactly-once recovery on a broker with transaction isolation (tier 3: <c>KAFKA_BOOTSTRAP_SERVERS</c>
/// or Docker). The embedded mock shows aborted records to read_committed readers and does not store
/// transactional offsets, so these skip there with the reason printed; the call flow they rely on is
/// covered on the mock by <c>Runtime/ExactlyOnceRunnerTests</c>.
/// </summary>
[Collection(KafkaBrokerCollection.Name)]
public sealed class ExactlyOnceRecoveryTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private readonly KafkaTestBroker _broker;
    private readonly ITestOutputHelper _output;

    public ExactlyOnceRecoveryTests(KafkaBrokerFixture fixture, ITestOutputHelper output)
    {
        _broker = fixture.Broker;
        _output = output;
    }

    [SkippableFact]
    public async Task Runner_ProcessorFailsMidTransactionThenRestarts_EachRecordOnceForReadCommitted()
    {
        SkipWithoutTransactions();
        const int Count = 200;
        var (input, output) = await TopicsAsync("eos-fail");
        Produce(input, 0, Count);
        var group = KafkaTestClients.UniqueGroup("eos-fail");
        var transactionalId = KafkaTestClients.UniqueGroup("eos-fail-txn");

        // The first run fails at a record after part of its transaction's outputs were produced: that
        // transaction is aborted, never committed. The second run (same transactional id) finishes.
        var failing = new StageRunner(new CopyTo(input, output, throwAt: "v150"), Options(group, transactionalId), new StageCounters("eos-fail"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing.RunAsync(CancellationToken.None));

        var resumed = new CopyTo(input, output);
        var runner = new StageRunner(resumed, Options(group, transactionalId), new StageCounters("eos-fail"));
        using var cts = new CancellationTokenSource(Timeout);
        var run = runner.RunAsync(cts.Token);
        await WaitAsync(() => resumed.Seen.Contains("v" + (Count - 1)), Timeout, runner);
        await Task.Delay(1_000);
        await cts.CancelAsync();
        await run;

        AssertEachOnce(ReadCommitted(output, Count), Count);
    }

    [SkippableFact]
    public async Task Runner_TickOutputWithIdleInput_VisibleForReadCommittedAndStageOutlivesTheTransactionTimeout()
    {
        SkipWithoutTransactions();
        var (input, output) = await TopicsAsync("eos-idle");
        var hooks = new TickHooks(topic: output);
        var runner = new StageRunner(new CopyTo(input, output), Options(KafkaTestClients.UniqueGroup("eos-idle"), KafkaTestClients.UniqueGroup("eos-idle-txn"), hooks), new StageCounters("eos-idle"));
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var run = runner.RunAsync(cts.Token);
        await WaitAsync(() => runner.HasAssignment, Timeout, runner);

        hooks.Emit("alert-1");
        var clock = Stopwatch.StartNew();
        Assert.Equal(["alert-1"], ReadCommitted(output, 1).Select(r => r.Value));
        _output.WriteLine($"first tick output visible for read_committed after {clock.Elapsed.TotalSeconds:0.0} s");

        // Longer than transaction.timeout.ms (20 s) plus the broker's abort check interval (10 s): an
        // uncommitted transaction would have been aborted and the stage fenced on its next produce.
        await Task.Delay(TimeSpan.FromSeconds(35));
        hooks.Emit("alert-2");
        Assert.Equal(["alert-1", "alert-2"], ReadCommitted(output, 2).Select(r => r.Value).Order(StringComparer.Ordinal));
        Assert.False(runner.Failed);
        await cts.CancelAsync();
        await run;
    }

    [SkippableFact]
    public async Task Runners_TwoInstancesAndAThirdJoining_EachRecordOnceForReadCommitted()
    {
        SkipWithoutTransactions();
        const int Count = 3_000;
        var (input, output) = await TopicsAsync("eos-scale", partitions: 6);
        var group = KafkaTestClients.UniqueGroup("eos-scale");
        using var cts = new CancellationTokenSource(Timeout);
        var processors = new List<CopyTo>();
        var runs = new List<Task>();
        void StartOne()
        {
            var processor = new CopyTo(input, output);
            processors.Add(processor);
            runs.Add(new StageRunner(processor, Options(group, KafkaTestClients.UniqueGroup("eos-scale-txn")), new StageCounters("eos-scale")).RunAsync(cts.Token));
        }

        StartOne();
        StartOne();
        Produce(input, 0, Count / 2);
        await WaitAsync(() => processors.Sum(p => p.Seen.Count) >= Count / 4, Timeout);

        // A third instance joins mid-stream: the revoke handlers commit, the new owners resume after.
        StartOne();
        Produce(input, Count / 2, Count / 2);
        await WaitAsync(() => processors.SelectMany(p => p.Seen).Distinct(StringComparer.Ordinal).Count() >= Count, Timeout);
        await Task.Delay(2_000);
        await cts.CancelAsync();
        await Task.WhenAll(runs);

        AssertEachOnce(ReadCommitted(output, Count), Count);
    }

    [SkippableFact]
    public async Task Run_KilledMidStreamAndRestartedWithTheSameInstanceId_EachEventOnceForReadCommitted()
    {
        SkipWithoutTransactions();
        Skip.If(OperatingSystem.IsWindows(), "SIGKILL is a POSIX signal");
        const int Count = 3_000;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var topics = new StreamPrivacy.Kafka.Configuration.TopicOptions();
        foreach (var property in typeof(StreamPrivacy.Kafka.Configuration.TopicOptions).GetProperties().Where(p => p.PropertyType == typeof(string)))
        {
            property.SetValue(topics, property.GetValue(topics) + "-" + suffix);
        }

        foreach (var topic in topics.All)
        {
            await _broker.CreateTopicAsync(topic, 3);
        }

        var config = Path.Combine(Path.GetTempPath(), $"eos-kill-{suffix}.yaml");
        await File.WriteAllTextAsync(config, $"""
            telemetry:
              health_port: 0
              prometheus_port: 0
            processing:
              group_id_prefix: eos-kill-{suffix}
              commit_interval: 200ms
            topics:
              inference_raw: {topics.InferenceRaw}
              features_raw: {topics.FeaturesRaw}
              inference_sanitized: {topics.InferenceSanitized}
              features_sanitized: {topics.FeaturesSanitized}
              metrics: {topics.Metrics}
              drift_alerts: {topics.DriftAlerts}
              leakage_alerts: {topics.LeakageAlerts}
              lineage: {topics.Lineage}
              partials: {topics.Partials}
              ledger: {topics.Ledger}
              dead_letter: {topics.DeadLetter}
            """);
        using (var producer = new ProducerBuilder<string, string>(KafkaTestClients.Producer(_broker.BootstrapServers)).Build())
        {
            for (var i = 0; i < Count; i++)
            {
                producer.Produce(topics.InferenceRaw, new Message<string, string> { Key = "s" + i, Value = $$$"""{"event_id":"e{{{i}}}","event_time":"2026-11-20T10:00:00Z","model":{"name":"m","version":"1"},"subject_id":"s{{{i}}}","consent":["monitoring"],"features":{"x":{{{i}}}}}""" });
            }

            producer.Flush(TimeSpan.FromSeconds(30));
        }

        string[] args = ["run", "--config", config, "--bootstrap-servers", _broker.BootstrapServers, "--guarantee", "exactly_once", "--instance-id", "eos-kill-" + suffix];
        using (var victim = CliProcess.Start(args))
        {
            // SIGKILL mid-stream: an open transaction with outputs, no abort, no goodbye.
            var clock = Stopwatch.StartNew();
            while (ReadUncommittedCount(topics.InferenceSanitized) < 300 && clock.Elapsed < Timeout)
            {
                await Task.Delay(20);
            }

            victim.Kill();
            await victim.WaitForExitAsync();
        }

        // Same instance id: InitTransactions fences the old producer and aborts its open transaction at once.
        using var survivor = CliProcess.Start(args);
        var stdout = survivor.StandardOutput.ReadToEndAsync();
        var stderr = survivor.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow + Timeout;
        var seen = new List<string>();
        while (DateTime.UtcNow < deadline && seen.Distinct(StringComparer.Ordinal).Count() < Count)
        {
            seen = [.. ReadCommitted(topics.InferenceSanitized, Count, TimeSpan.FromSeconds(5)).Select(r => JsonNode.Parse(r.Value)!["event_id"]!.GetValue<string>())];
        }

        CliProcess.SendSigterm(survivor);
        await survivor.WaitForExitAsync();
        Assert.True(survivor.ExitCode == 0, await stdout + await stderr);
        Assert.Equal(Count, seen.Count);
        Assert.Equal(Count, seen.Distinct(StringComparer.Ordinal).Count());
    }

    private void SkipWithoutTransactions()
    {
        _output.WriteLine(_broker.SupportsTransactions ? "transactions supported" : "skipping: " + KafkaTestBroker.NoTransactionsReason);
        Skip.IfNot(_broker.SupportsTransactions, KafkaTestBroker.NoTransactionsReason);
    }

    private async Task<(string Input, string Output)> TopicsAsync(string prefix, int partitions = 3)
    {
        var input = KafkaTestClients.UniqueTopic(prefix + "-in");
        var output = KafkaTestClients.UniqueTopic(prefix + "-out");
        await _broker.CreateTopicAsync(input, partitions);
        await _broker.CreateTopicAsync(output, partitions);
        return (input, output);
    }

    private StageRunnerOptions Options(string group, string transactionalId, IStageHooks? hooks = null) => new()
    {
        BootstrapServers = _broker.BootstrapServers,
        GroupId = group,
        ExactlyOnce = true,
        TransactionalId = transactionalId,
        CommitInterval = TimeSpan.FromMilliseconds(200),
        Hooks = hooks,
        ConsumerProperties = new Dictionary<string, string> { ["session.timeout.ms"] = "6000", ["heartbeat.interval.ms"] = "1000" },
    };

    private void Produce(string topic, int from, int count)
    {
        using var producer = new ProducerBuilder<string, string>(KafkaTestClients.Producer(_broker.BootstrapServers)).Build();
        for (var i = from; i < from + count; i++)
        {
            producer.Produce(topic, new Message<string, string> { Key = "k" + i, Value = "v" + i });
        }

        Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
    }

    private List<(string? Key, string Value)> ReadCommitted(string topic, int expected, TimeSpan? timeout = null)
    {
        var config = KafkaTestClients.Consumer(_broker.BootstrapServers, KafkaTestClients.UniqueGroup("eos-reader"));
        config.IsolationLevel = IsolationLevel.ReadCommitted;
        using var consumer = new ConsumerBuilder<string?, string>(config).Build();
        consumer.Subscribe(topic);

        // A few more than expected: duplicates must have the chance to show up.
        var received = KafkaTestClients.ConsumeUpTo(consumer, expected + 50, timeout ?? TimeSpan.FromSeconds(20));
        consumer.Close();
        return [.. received.Select(r => (r.Message.Key, r.Message.Value))];
    }

    private long ReadUncommittedCount(string topic)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = _broker.BootstrapServers, GroupId = "wm" }).Build();
        return Enumerable.Range(0, 3).Sum(p => consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(5)).High.Value);
    }

    private static void AssertEachOnce(List<(string? Key, string Value)> records, int count)
    {
        var values = records.Select(r => r.Value).ToList();
        Assert.Equal(count, values.Count);
        Assert.Equal(Enumerable.Range(0, count).Select(i => "v" + i).Order(StringComparer.Ordinal), values.Order(StringComparer.Ordinal));
    }

    /// <summary>Copies each value from <paramref name="input"/> to <paramref name="output"/>; can throw once at one value.</summary>
    private sealed class CopyTo(string input, string output, string? throwAt = null) : IRecordProcessor
    {
        public System.Collections.Concurrent.ConcurrentBag<string> Seen { get; } = [];

        public string Name => "eos-copy";

        public IReadOnlyList<string> InputTopics => [input];

        public void Process(ConsumeResult<byte[]?, byte[]?> record, IStageOutput stageOutput)
        {
            var value = Encoding.UTF8.GetString(record.Message.Value!);
            stageOutput.Produce(output, record.Message.Key, record.Message.Value!);
            Seen.Add(value);
            if (value == throwAt)
            {
                throw new InvalidOperationException("processing failed (test)");
            }
        }
    }
}
