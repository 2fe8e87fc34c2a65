using System.CommandLine;
using Confluent.Kafka;
using StreamPrivacy.Cli.Report;
using StreamPrivacy.Kafka.Configuration;
using StreamPrivacy.Kafka.Runtime;

namespace StreamPrivacy.Cli.Commands;

/// <summary><c>streamprivacy report</c>: a self-contained HTML privacy report from the output topics.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var bootstrap = new Option<string?>("--bootstrap-servers", "-b") { Description = "Kafka bootstrap servers (host:port,...); else kafka.bootstrap_servers of --config." };
        var config = new Option<FileInfo?>("--config", "-c") { Description = "YAML configuration of the pipeline (topic names, psi threshold, budgets; see README: Configuration)." };
        var properties = new Option<string[]>("--kafka-property", "-X")
        {
            Description = "librdkafka property, key=value; repeatable (e.g. -X security.protocol=SASL_SSL).",
            AllowMultipleArgumentsPerToken = false,
        };
        var output = new Option<FileInfo>("--output", "-o") { Description = "HTML file to write (replaced atomically).", Required = true };
        var timeout = new Option<int>("--timeout") { Description = "Seconds allowed for reading each topic.", DefaultValueFactory = _ => 120 };
        var command = new Command("report", "Write a self-contained HTML privacy report (drift with error bars, ε spent per budget period, redactions by entity type, alert timeline, model-card summary) from the metrics, ledger, alert and sanitized topics, read to their current end. Names, counts and DP-noised values only.")
        {
            bootstrap, config, properties, output, timeout,
        };
        command.SetAction(parse => Run(parse.GetValue(bootstrap), parse.GetValue(config), parse.GetValue(properties) ?? [], parse.GetValue(output)!, parse.GetValue(timeout)));
        return command;
    }

    private static int Run(string? bootstrap, FileInfo? configFile, string[] properties, FileInfo output, int timeoutSeconds)
    {
        StreamPrivacyOptions options;
        Dictionary<string, string> kafka;
        try
        {
            options = configFile is null ? new StreamPrivacyOptions() : OptionsLoader.Load(configFile.FullName);
            kafka = new Dictionary<string, string>(options.Kafka.Properties, StringComparer.Ordinal);
            foreach (var (key, value) in KafkaPropertyParser.Parse(properties))
            {
                kafka[key] = value;
            }

            if (!string.IsNullOrWhiteSpace(bootstrap))
            {
                options.Kafka.BootstrapServers = bootstrap;
            }

            options.Validate();
        }
        catch (Exception ex) when (ex is OptionsValidationException or ArgumentException)
        {
            Console.Error.WriteLine("configuration error: " + ex.Message);
            return 2;
        }

        if (options.Kafka.UseEmbedded)
        {
            Console.Error.WriteLine("report needs --bootstrap-servers (or kafka.bootstrap_servers in --config): an embedded cluster started for the report would be empty");
            return 2;
        }

        if (timeoutSeconds < 1)
        {
            Console.Error.WriteLine("--timeout must be >= 1");
            return 2;
        }

        try
        {
            var servers = options.Kafka.BootstrapServers!;
            var data = ReportTopicReader.Write(servers, kafka, options, output.FullName, TimeSpan.FromSeconds(timeoutSeconds), "bootstrap servers " + servers);
            Console.Error.WriteLine($"{data.Models().Count} model(s), {data.Releases.Count()} release(s), {data.Alerts.Count} alert(s), {data.RecordsRead.Values.Sum()} record(s) read, {data.Unreadable.Values.Sum()} unreadable");
            Console.WriteLine("report: " + output.FullName);
            return 0;
        }
        catch (StageFailedException ex)
        {
            Console.Error.WriteLine("report: " + ex.Message);
            return 1;
        }
        catch (KafkaException ex)
        {
            Console.Error.WriteLine($"report: Kafka error {ex.Error.Code}: {ex.Error.Reason}");
            return 1;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("report: cannot write " + output.FullName + ": " + ex.Message);
            return 2;
        }
    }
}
