using System.Text;
using Confluent.Kafka;
using StreamPrivacy.Kafka.Configuration;
using StreamPrivacy.Kafka.Embedded;
using StreamPrivacy.Kafka.Hosting;

namespace StreamPrivacy.Kafka.Tests.Cli;

public sealed class CliTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Theory]
    [InlineData("--help")]
    [InlineData("run", "--help")]
    [InlineData("demo", "--help")]
    [InlineData("redact", "--help")]
    [InlineData("drift", "--help")]
    [InlineData("profile", "--help")]
    [InlineData("profile", "show", "--help")]
    [InlineData("report", "--help")]
    public async Task Help_EveryCommand_PrintsUsageAndExitsZero(params string[] args)
    {
        var (exit, output) = await CliProcess.RunAsync(Timeout, args);
        Assert.Equal(0, exit);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BadConfig_ExitsTwoNamingTheFile()
    {
        var path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, "processing:\n  commit_interval: never\n");
        try
        {
            var (exit, output) = await CliProcess.RunAsync(Timeout, "run", "--config", path);
            Assert.Equal(2, exit);
            Assert.Contains(path + ":2:", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [SkippableFact]
    public async Task Run_Sigterm_FlushesCommitsAndExitsZero()
    {
        Skip.If(OperatingSystem.IsWindows(), "SIGTERM is a POSIX signal");
        using var cluster = EmbeddedKafkaCluster.Start(3);
        var topics = new TopicOptions();
        TopicProvisioner.Provision(cluster, topics, 3);
        const int events = 500;
        using (var producer = new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers }).Build())
        {
            for (var i = 0; i < events; i++)
            {
                producer.Produce(topics.InferenceRaw, new Message<byte[]?, byte[]>
                {
                    Value = Encoding.UTF8.GetBytes($"{{\"event_id\":\"e{i}\",\"event_time\":\"2026-11-20T10:00:00Z\",\"model\":{{\"name\":\"m\",\"version\":\"1\"}},\"subject_id\":\"s{i}\",\"consent\":[\"monitoring\"]}}"),
                });
            }

            producer.Flush(TimeSpan.FromSeconds(30));
        }

        // The mock cluster has no transaction isolation: at-least-once (the default only on the embedded cluster).
        using var process = CliProcess.Start("run", "--config", CliProcess.NoEndpointsConfig, "--bootstrap-servers", cluster.BootstrapServers, "--guarantee", "at_least_once", "-X", "socket.keepalive.enable=true");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow + Timeout;
        while (SanitizedCount(cluster.BootstrapServers, topics) < events && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        CliProcess.SendSigterm(process);
        using var cts = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(cts.Token);
        var output = await stdout + await stderr;

        Assert.True(process.ExitCode == 0, "exit code " + process.ExitCode + ": " + output);
        Assert.Contains("SIGTERM received", output, StringComparison.Ordinal);
        Assert.Equal(events, SanitizedCount(cluster.BootstrapServers, topics));
        Assert.Equal(events, CommittedOffsets(cluster.BootstrapServers, topics.InferenceRaw, "streamprivacy-sanitize"));
    }

    private static long SanitizedCount(string bootstrap, TopicOptions topics)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = bootstrap, GroupId = "count" }).Build();
        return Enumerable.Range(0, 3).Sum(p => consumer.QueryWatermarkOffsets(new TopicPartition(topics.InferenceSanitized, p), TimeSpan.FromSeconds(5)).High.Value);
    }

    private static long CommittedOffsets(string bootstrap, string topic, string group)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = bootstrap, GroupId = group }).Build();
        var committed = consumer.Committed(Enumerable.Range(0, 3).Select(p => new TopicPartition(topic, p)), TimeSpan.FromSeconds(10));
        return committed.Sum(c => Math.Max(0, c.Offset.Value));
    }
}
