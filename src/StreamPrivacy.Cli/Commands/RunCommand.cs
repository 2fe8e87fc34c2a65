using System.CommandLine;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using StreamPrivacy.Kafka.Configuration;
using StreamPrivacy.Kafka.Embedded;
using StreamPrivacy.Kafka.Hosting;
using StreamPrivacy.Kafka.Runtime;
using StreamPrivacy.Kafka.Telemetry;
using StreamPrivacy.Ner.Onnx;

namespace StreamPrivacy.Cli.Commands;

/// <summary><c>streamprivacy run</c>: the long-running pipeline.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var bootstrap = new Option<string?>("--bootstrap-servers", "-b")
        {
            Description = "Kafka bootstrap servers (host:port,...). Without it an embedded in-process cluster is started.",
        };
        var config = new Option<FileInfo?>("--config", "-c") { Description = "YAML configuration file (see README: Configuration)." };
        var properties = new Option<string[]>("--kafka-property", "-X")
        {
            Description = "librdkafka property for every client, key=value; repeatable (e.g. -X security.protocol=SASL_SSL).",
            AllowMultipleArgumentsPerToken = false,
        };
        var guarantee = new Option<string?>("--guarantee")
        {
            Description = "Delivery guarantee: auto (default: exactly-once on a real broker, at-least-once on the embedded one), exactly_once or at_least_once; overrides processing.guarantee.",
        };
        guarantee.AcceptOnlyFromAmong("auto", "exactly_once", "at_least_once");
        var instance = new Option<string?>("--instance-id")
        {
            Description = $"This instance's id, unique among running instances (transactional ids, client ids, audit chains); default: ${InstanceIds.EnvironmentVariable}, else machine name and process id.",
        };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Debug logging." };
        var command = new Command("run", "Run the pipeline until SIGTERM or Ctrl+C, then flush, commit and exit 0.")
        {
            bootstrap, config, properties, guarantee, instance, verbose,
        };
        command.SetAction((parse, ct) => RunAsync(
            parse.GetValue(bootstrap), parse.GetValue(config), parse.GetValue(properties) ?? [], parse.GetValue(guarantee), parse.GetValue(instance), parse.GetValue(verbose), ct));
        return command;
    }

    private static async Task<int> RunAsync(string? bootstrap, FileInfo? configFile, string[] properties, string? guarantee, string? instanceId, bool verbose, CancellationToken ct)
    {
        using var loggers = ConsoleLogging.Create(verbose ? LogLevel.Debug : LogLevel.Information);
        var logger = loggers.CreateLogger("StreamPrivacy.Run");
        StreamPrivacyOptions options;
        try
        {
            options = configFile is null ? new StreamPrivacyOptions() : OptionsLoader.Load(configFile.FullName);
            foreach (var property in options.Kafka.ApplyEnvironment(Environment.GetEnvironmentVariables()))
            {
                logger.LogInformation("librdkafka property {Property} set from the environment", property);
            }
            foreach (var (key, value) in KafkaPropertyParser.Parse(properties))
            {
                options.Kafka.Properties[key] = value;
            }

            if (!string.IsNullOrWhiteSpace(bootstrap))
            {
                options.Kafka.BootstrapServers = bootstrap;
            }

            if (guarantee is not null)
            {
                options.Processing.Guarantee = guarantee;
            }

            // The flag, else the environment (e.g. the pod name through the downward API), else a
            // default unique per process (Pipeline.Create logs it).
            instanceId ??= Environment.GetEnvironmentVariable(InstanceIds.EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment.Trim() : null;
            if (instanceId is not null)
            {
                InstanceIds.Validate(instanceId);
            }

            options.Validate();
        }
        catch (Exception ex) when (ex is OptionsValidationException or ArgumentException)
        {
            await Console.Error.WriteLineAsync("configuration error: " + ex.Message);
            return 2;
        }

        using var signal = new ShutdownSignal(ct);
        TelemetryHost telemetry;
        try
        {
            telemetry = TelemetryHost.Start(options.Telemetry, loggers.CreateLogger("StreamPrivacy.Telemetry"));
        }
        catch (TelemetryStartException ex)
        {
            logger.LogError("Telemetry failed to start: {Message}", ex.Message);
            return 1;
        }

        using var telemetryHost = telemetry;
        using var stopping = signal.Token.Register(telemetry.MarkStopping);
        EmbeddedKafkaCluster? embedded = null;
        try
        {
            string servers;
            if (options.Kafka.UseEmbedded)
            {
                embedded = EmbeddedKafkaCluster.Start(options.Kafka.EmbeddedBrokers);
                TopicProvisioner.Provision(embedded, options.Topics, options.Kafka.EmbeddedPartitions);
                servers = embedded.BootstrapServers;
                logger.LogWarning("No --bootstrap-servers given: started an embedded Kafka cluster (librdkafka mock, {Brokers} brokers, in memory, gone at exit) at {Bootstrap}", embedded.BrokerCount, servers);
            }
            else
            {
                servers = options.Kafka.BootstrapServers!;
                var admin = new AdminClientConfig { BootstrapServers = servers };
                foreach (var (key, value) in options.Kafka.Properties)
                {
                    admin.Set(key, value);
                }

                await TopicProvisioner.ProvisionAsync(admin, options.Topics, options.Kafka.EmbeddedPartitions, replicationFactor: -1, logger);
            }

            var pipeline = Pipeline.Create(options, servers, loggers, TimeProvider.System, instanceId, OnnxNerBackend.Create);
            telemetry.Attach(pipeline.Stages);
            await pipeline.RunAsync(signal.Token);
            telemetry.MarkStopping();
            logger.LogInformation("Stopped: {Consumed} consumed, {Produced} produced, {Dropped} dropped for consent, {Rejected} rejected",
                pipeline.Sanitize.Consumed, pipeline.Sanitize.Produced, pipeline.Sanitize.Dropped, pipeline.Sanitize.Rejected);
            return 0;
        }
        catch (StageFailedException ex)
        {
            logger.LogError("Pipeline failed: {Message}", ex.Message);
            return 1;
        }
        catch (KafkaException ex)
        {
            logger.LogError("Kafka error: {Code} {Reason}", ex.Error.Code, ex.Error.Reason);
            return 1;
        }
        catch (OptionsValidationException ex)
        {
            logger.LogError("Invalid configuration: {Message}", ex.Message);
            return 2;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException && ex.Source == "Confluent.Kafka")
        {
            // librdkafka refused a client configuration (e.g. conflicting -X properties): its message
            // names the property; no record contents are involved at this point.
            logger.LogError("Invalid Kafka client configuration: {Message}", ex.Message);
            return 2;
        }
        finally
        {
            embedded?.Dispose();
        }
    }
}
