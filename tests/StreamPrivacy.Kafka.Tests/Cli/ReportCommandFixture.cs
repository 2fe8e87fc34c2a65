using Confluent.Kafka;
using StreamPrivacy.Kafka.Configuration;
using StreamPrivacy.Kafka.Embedded;
using StreamPrivacy.Kafka.Hosting;

namespace StreamPrivacy.Kafka.Tests.Cli;

/// <summary>
/// Produces hand-made metric, ledger, alert and sanitized records onto an embedded cluster and runs
/// the real <c>streamprivacy report</c> once; the tests inspect the one report it writes.
/// </summary>
public sealed class ReportCommandFixture : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sp-report-").FullName;

    /// <summary>The report file.</summary>
    public string ReportPath => Path.Combine(_dir, "report.html");

    /// <summary>Exit code of the command.</summary>
    public int ExitCode { get; private set; }

    /// <summary>stdout and stderr of the command.</summary>
    public string Output { get; private set; } = string.Empty;

    /// <summary>The report's text, empty when it was not written.</summary>
    public string Html { get; private set; } = string.Empty;

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        using var cluster = EmbeddedKafkaCluster.Start(1);
        var topics = new TopicOptions();
        TopicProvisioner.Provision(cluster, topics, 2);
        using (var producer = new ProducerBuilder<string?, string>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers }).Build())
        {
            void Send(string topic, string value, string? key = null) => producer.Produce(topic, new Message<string?, string> { Key = key, Value = value });
            var model = ReportRecords.HostileModel;
            double[] psi = [0.05, 0.12, 0.41];
            for (var i = 0; i < psi.Length; i++)
            {
                Send(topics.Metrics, ReportRecords.Psi(model, "age", i, psi[i], psi[i] / 2, psi[i] * 1.5, drifted: psi[i] >= 0.2), "s");
                Send(topics.Metrics, ReportRecords.Bin(model, "age", i), "s");
                Send(topics.Ledger, ReportRecords.Release(model, i), "release|" + i);
            }

            Send(topics.Metrics, ReportRecords.Psi(model, "age", 2, 0.41, 0.2, 0.6, drifted: true), "s"); // a replay: counted once
            Send(topics.Metrics, "not json " + ReportRecords.PayloadValue, "s");
            Send(topics.Ledger, ReportRecords.Budget(model), "budget");
            Send(topics.Ledger, "{\"kind\":\"audit\",\"seq\":1,\"hash\":\"h\"}", "audit|1");
            Send(topics.DriftAlerts, ReportRecords.DriftAlert(model, "raised", 2), "d");
            Send(topics.LeakageAlerts, ReportRecords.ProbingAlert(model), "p");
            for (var i = 0; i < 3; i++)
            {
                Send(topics.InferenceSanitized, ReportRecords.Sanitized(model), "k" + i);
            }

            producer.Flush(TimeSpan.FromSeconds(30));
        }

        (ExitCode, Output) = await CliProcess.RunAsync(TimeSpan.FromSeconds(120), "report", "--bootstrap-servers", cluster.BootstrapServers, "--output", ReportPath);
        Html = File.Exists(ReportPath) ? await File.ReadAllTextAsync(ReportPath) : string.Empty;
    }

    /// <inheritdoc/>
    public Task DisposeAsync()
    {
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }
}
