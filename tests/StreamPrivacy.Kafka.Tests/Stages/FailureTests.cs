using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using StreamPrivacy.Kafka.Embedded;
using StreamPrivacy.Kafka.Tests.Cli;
using Xunit.Abstractions;

namespace StreamPrivacy.Kafka.Tests.Stages;

/// <summary>Failure handling on the embedded cluster: nothing lost under injected faults, crashes and slow brokers.</summary>
public sealed class FailureTests(ITestOutputHelper output)
{
    private const int Count = 400;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Run_FetchAndCommitErrors_LosesNothingAndCommitsEverything()
    {
        using var h = new PipelineHarness();
        h.Produce(h.Topics.InferenceRaw, Events(0, Count));
        h.Cluster.PushRequestErrors(KafkaApiKey.Fetch, ErrorCode.NotLeaderForPartition, ErrorCode.UnknownTopicOrPart, ErrorCode.RequestTimedOut);
        h.Cluster.PushRequestErrors(KafkaApiKey.OffsetCommit, ErrorCode.RequestTimedOut, ErrorCode.NotCoordinatorForGroup, ErrorCode.GroupLoadInProgress);
        var pipeline = h.CreatePipeline();
        await PipelineHarness.RunUntilAsync(pipeline, () => pipeline.Sanitized >= Count && Committed(h) >= Count, Timeout);

        Assert.Equal(Count, DistinctSanitized(h));
        Assert.Equal(Count, Committed(h));
    }

    [Fact]
    public async Task Run_SlowBrokers_LosesNothing()
    {
        using var h = new PipelineHarness();
        h.Produce(h.Topics.InferenceRaw, Events(0, Count));
        for (var broker = 1; broker <= 3; broker++)
        {
            h.Cluster.SetBrokerRoundTripTime(broker, TimeSpan.FromMilliseconds(250));
        }

        var pipeline = h.CreatePipeline();
        await PipelineHarness.RunUntilAsync(pipeline, () => pipeline.Sanitized >= Count, Timeout);
        Assert.Equal(Count, DistinctSanitized(h));
    }

    [SkippableFact]
    public async Task Run_Kill9AndRestart_LosesNothingAndCountsDuplicates()
    {
        Skip.If(OperatingSystem.IsWindows(), "SIGKILL is a POSIX signal");
        using var h = new PipelineHarness();
        const int Total = 3_000;
        h.Produce(h.Topics.InferenceRaw, Events(0, Total));

        // SIGKILL as soon as some output exists: no flush, no commit, no goodbye.
        using (var victim = CliProcess.Start("run", "--config", CliProcess.NoEndpointsConfig, "--bootstrap-servers", h.Cluster.BootstrapServers, "--guarantee", "at_least_once"))
        {
            var clock = Stopwatch.StartNew();
            while (SanitizedWatermark(h) < 200 && clock.Elapsed < Timeout)
            {
                await Task.Delay(20);
            }

            victim.Kill();
            await victim.WaitForExitAsync();
            output.WriteLine($"killed after {SanitizedWatermark(h)} sanitized records were written");
        }

        using var survivor = CliProcess.Start("run", "--config", CliProcess.NoEndpointsConfig, "--bootstrap-servers", h.Cluster.BootstrapServers, "--guarantee", "at_least_once");
        var stdout = survivor.StandardOutput.ReadToEndAsync();
        var stderr = survivor.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow + Timeout;
        while (Committed(h) < Total && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        CliProcess.SendSigterm(survivor);
        await survivor.WaitForExitAsync();
        var log = await stdout + await stderr;
        Assert.True(survivor.ExitCode == 0, log);

        var ids = h.ReadAll(h.Topics.InferenceSanitized, Total, Timeout).Select(EventId).ToList();
        var duplicates = ids.Count - ids.Distinct(StringComparer.Ordinal).Count();
        output.WriteLine($"sanitized records {ids.Count}, distinct {ids.Count - duplicates}, duplicates after SIGKILL {duplicates} (at-least-once)");
        Assert.Equal(Total, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Total, Committed(h));
    }

    private static IEnumerable<(string? Key, byte[] Value)> Events(int from, int count) =>
        Enumerable.Range(from, count).Select(i => ((string?)$"s{i}", Encoding.UTF8.GetBytes(
            $$$"""{"event_id":"e-{{{i}}}","event_time":"{{{DateTimeOffset.UtcNow:O}}}","model":{"name":"m","version":"1"},"subject_id":"s{{{i}}}","consent":["monitoring"],"features":{"x":{{{i % 10}}}}}""")));

    private static string EventId(ConsumeResult<byte[]?, byte[]?> r) => JsonNode.Parse(r.Message.Value)!["event_id"]!.GetValue<string>();

    private static int DistinctSanitized(PipelineHarness h) =>
        h.ReadAll(h.Topics.InferenceSanitized, Count, Timeout).Select(EventId).Distinct(StringComparer.Ordinal).Count();

    private static long SanitizedWatermark(PipelineHarness h)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = h.Cluster.BootstrapServers, GroupId = "wm" }).Build();
        return Enumerable.Range(0, 3).Sum(p => consumer.QueryWatermarkOffsets(new TopicPartition(h.Topics.InferenceSanitized, p), TimeSpan.FromSeconds(5)).High.Value);
    }

    private static long Committed(PipelineHarness h)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = h.Cluster.BootstrapServers, GroupId = h.Options.Processing.GroupIdPrefix + "-sanitize" }).Build();
        var committed = consumer.Committed(Enumerable.Range(0, 3).Select(p => new TopicPartition(h.Topics.InferenceRaw, p)), TimeSpan.FromSeconds(10));
        return committed.Sum(c => Math.Max(0, c.Offset.Value));
    }
}
