using System.CommandLine;
using System.Globalization;
using System.Text;
using Confluent.Kafka;
using StreamPrivacy.Core.Audit;
using StreamPrivacy.Core.Privacy;
using StreamPrivacy.Kafka.Configuration;
using StreamPrivacy.Kafka.Runtime;

namespace StreamPrivacy.Cli.Commands;

/// <summary><c>streamprivacy audit verify</c>: checks the hash-chained audit log in the ledger topic.</summary>
/// <remarks>
/// Prints ids, sequence numbers, positions and hashes only, never record payload values. Exit codes:
/// 0 intact, 1 tampered (the first bad record is named), 2 usage, configuration or connection error.
/// </remarks>
internal static class AuditCommand
{
    public static Command Create()
    {
        var bootstrap = new Option<string?>("--bootstrap-servers", "-b") { Description = "Kafka bootstrap servers (host:port,...); default kafka.bootstrap_servers from --config." };
        var config = new Option<FileInfo?>("--config", "-c") { Description = "YAML configuration file (topics, kafka properties, keys)." };
        var topic = new Option<string?>("--topic") { Description = "Ledger topic; default topics.ledger (streamprivacy.ledger)." };
        var properties = new Option<string[]>("--kafka-property", "-X") { Description = "librdkafka property, key=value; repeatable.", AllowMultipleArgumentsPerToken = false };
        var requireClosed = new Option<bool>("--require-closed") { Description = "Fail chains that do not end with a closing head (use when every writer has stopped gracefully): detects a cut tail." };
        var timeout = new Option<int>("--timeout-seconds") { Description = "Longest time to read the topic.", DefaultValueFactory = _ => 60 };
        var verify = new Command("verify", "Verify every audit chain in the ledger topic with the audit key (STREAMPRIVACY_KEY_AUDIT, keys.files.audit or keys.directory/audit.key). Exit 0 intact, 1 tampered, 2 usage/configuration error.")
        {
            bootstrap, config, topic, properties, requireClosed, timeout,
        };
        verify.SetAction(parse => Verify(
            parse.GetValue(bootstrap), parse.GetValue(config), parse.GetValue(topic), parse.GetValue(properties) ?? [], parse.GetValue(requireClosed), parse.GetValue(timeout)));
        return new Command("audit", "The hash-chained audit log of releases, budget decisions, policy loads and keys in use.") { verify };
    }

    private static int Verify(string? bootstrap, FileInfo? configFile, string? topicName, string[] properties, bool requireClosed, int timeoutSeconds)
    {
        StreamPrivacyOptions options;
        SecretKey? auditKey;
        try
        {
            options = configFile is null ? new StreamPrivacyOptions() : OptionsLoader.Load(configFile.FullName);
            foreach (var (key, value) in KafkaPropertyParser.Parse(properties))
            {
                options.Kafka.Properties[key] = value;
            }

            if (!string.IsNullOrWhiteSpace(bootstrap))
            {
                options.Kafka.BootstrapServers = bootstrap;
            }

            auditKey = new KeyRing(options.Keys.Directory, options.Keys.Files, options.Keys.KeyIds, _ => { }).Find(KeyNames.Audit);
        }
        catch (Exception ex) when (ex is OptionsValidationException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("configuration error: " + ex.Message);
            return 2;
        }

        if (options.Kafka.UseEmbedded)
        {
            Console.Error.WriteLine("audit verify needs --bootstrap-servers or kafka.bootstrap_servers (an embedded cluster lives only inside the process that started it)");
            return 2;
        }

        if (auditKey is null)
        {
            Console.Error.WriteLine($"no audit key configured ({KeyRing.EnvironmentVariable(KeyNames.Audit)}, keys.files.audit or keys.directory/audit.key): chain heads cannot be verified");
            return 2;
        }

        var topic = string.IsNullOrWhiteSpace(topicName) ? options.Topics.Ledger : topicName;
        IReadOnlyList<SnapshotRecord> snapshot;
        try
        {
            var reader = new StageRunnerOptions
            {
                BootstrapServers = options.Kafka.BootstrapServers!,
                GroupId = "streamprivacy-audit-verify",
                ClientId = "streamprivacy-audit-verify",
                CommonProperties = options.Kafka.Properties,
                ConsumerProperties = options.Kafka.Consumer,
            };
            snapshot = TopicSnapshotReader.ReadAll(reader, topic, TimeSpan.FromSeconds(Math.Max(1, timeoutSeconds)));
        }
        catch (Exception ex) when (ex is KafkaException or StageFailedException or InvalidOperationException)
        {
            Console.Error.WriteLine($"cannot read topic '{topic}': {(ex is KafkaException k ? k.Error.Code.ToString() : ex.Message)}");
            return 2;
        }

        var records = snapshot.Select(r => new AuditRecord(
            new AuditPosition(r.Partition, r.Offset),
            r.Key is null ? null : Encoding.UTF8.GetString(r.Key),
            r.Value)).ToList();
        var report = AuditVerifier.Verify(records, auditKey, requireClosed);
        Print(report, topic, auditKey.KeyId);
        return report.IsIntact ? 0 : 1;
    }

    private static void Print(AuditReport report, string topic, string keyId)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"audit verify: topic {topic}, {report.RecordsRead} records read, {report.Chains.Count} chains, audit key id {keyId}"));
        if (report.Chains.Count == 0)
        {
            Console.Error.WriteLine($"warning: no audit entries in topic '{topic}'");
        }

        foreach (var chain in report.Chains)
        {
            var state = chain.Failure is { } f ? string.Create(c, $"FAILED at sequence {f.Sequence?.ToString(c) ?? "?"}") : chain.Closed ? "closed" : "open";
            Console.WriteLine(string.Create(c,
                $"  chain {chain.Chain}: {chain.Entries} entries, last sequence {chain.LastSequence}, {chain.HeadsVerified} heads verified, {chain.UnsignedTail} unsigned after the last head, {chain.Duplicates} duplicates, last hash {chain.LastHash[..16]}…, {state}"));
        }

        if (report.FirstFailure is { } first)
        {
            var sequence = first.Sequence?.ToString(c) ?? "?";
            Console.WriteLine($"TAMPERED: chain {first.Chain ?? "?"} sequence {sequence} at {topic} {first.Position}: {first.ReasonName}: {first.Detail}");
        }
        else
        {
            Console.WriteLine("intact");
        }
    }
}
