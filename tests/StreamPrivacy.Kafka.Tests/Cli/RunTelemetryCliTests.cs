using System.Diagnostics;
using System.Net;
using StreamPrivacy.Kafka.Configuration;
using StreamPrivacy.Kafka.Embedded;
using StreamPrivacy.Kafka.Hosting;
using StreamPrivacy.Kafka.Tests.Telemetry;

namespace StreamPrivacy.Kafka.Tests.Cli;

public sealed class RunTelemetryCliTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [SkippableFact]
    public async Task Run_WithTelemetryPorts_BecomesReadyServesMetricsAndExitsZeroOnSigterm()
    {
        Skip.If(OperatingSystem.IsWindows(), "SIGTERM is a POSIX signal");
        using var cluster = EmbeddedKafkaCluster.Start(3);
        TopicProvisioner.Provision(cluster, new TopicOptions(), 3);
        var (health, prometheus) = (FreePort.Next(), FreePort.Next());
        var config = Path.GetTempFileName();
        await File.WriteAllTextAsync(config, $"telemetry:\n  health_port: {health}\n  prometheus_port: {prometheus}\n  service_name: cli-test\n");
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            using var process = CliProcess.Start("run", "--bootstrap-servers", cluster.BootstrapServers, "--config", config);
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();

            var ready = await PollAsync(http, new Uri($"http://127.0.0.1:{health}/readyz"), process);
            var live = await http.GetAsync(new Uri($"http://127.0.0.1:{health}/healthz"));
            var metrics = await http.GetStringAsync(new Uri($"http://127.0.0.1:{prometheus}/metrics"));

            CliProcess.SendSigterm(process);
            using var cts = new CancellationTokenSource(Timeout);
            await process.WaitForExitAsync(cts.Token);
            var output = await stdout + await stderr;

            Assert.True(ready == HttpStatusCode.OK, $"/readyz answered {ready}: {output}");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Contains("streamprivacy_stage_up{", metrics, StringComparison.Ordinal);
            Assert.Contains("service_name=\"cli-test\"", metrics, StringComparison.Ordinal);
            Assert.True(process.ExitCode == 0, "exit code " + process.ExitCode + ": " + output);
            Assert.Contains($"health probes on port {health}", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(config);
        }
    }

    private static async Task<HttpStatusCode?> PollAsync(HttpClient http, Uri uri, Process process)
    {
        HttpStatusCode? last = null;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Timeout && !process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(uri);
                last = response.StatusCode;
                if (last == HttpStatusCode.OK)
                {
                    return last;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        return last;
    }
}
