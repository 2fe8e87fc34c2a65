using System.Collections.Concurrent;
using System.Diagnostics;
using StreamPrivacy.Kafka.Embedded;
using StreamPrivacy.Kafka.Hosting;

namespace StreamPrivacy.Kafka.Tests.Cli;

/// <summary><c>run --instance-id</c> and <c>STREAMPRIVACY_INSTANCE_ID</c>: validated, logged and used.</summary>
public sealed class RunInstanceIdTests
{
    [Fact]
    public async Task Run_InvalidInstanceId_ExitsTwoWithTheRule()
    {
        var (exitCode, output) = await CliProcess.RunAsync(TimeSpan.FromSeconds(60), "run", "--config", CliProcess.NoEndpointsConfig, "--instance-id", "two words|x");
        Assert.Equal(2, exitCode);
        Assert.Contains("instance id must be", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_InstanceIdFromTheEnvironment_IsLoggedAndEndsTheTransactionalIds()
    {
        using var cluster = EmbeddedKafkaCluster.Start(1);
        TopicProvisioner.Provision(cluster, new StreamPrivacy.Kafka.Configuration.TopicOptions(), 1);
        var environment = new Dictionary<string, string> { [InstanceIds.EnvironmentVariable] = "pod-7" };

        // A bootstrap address (not embedded mode) with auto: the mock accepts the probe, so exactly-once.
        using var process = CliProcess.Start(environment, "run", "--config", CliProcess.NoEndpointsConfig, "--bootstrap-servers", cluster.BootstrapServers);
        var lines = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (!lines.Any(l => l.Contains("transactional id streamprivacy-sanitize-pod-7", StringComparison.Ordinal)) && !process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100);
        }

        CliProcess.SendSigterm(process);
        await process.WaitForExitAsync();
        var log = string.Join('\n', lines);
        Assert.True(process.ExitCode == 0, log);
        Assert.Contains("Instance id pod-7", log, StringComparison.Ordinal);
        Assert.Contains("transactional id streamprivacy-sanitize-pod-7", log, StringComparison.Ordinal);
    }
}
