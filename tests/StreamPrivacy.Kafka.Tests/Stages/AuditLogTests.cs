using System.Globalization;
using System.Text;
using Confluent.Kafka;
using StreamPrivacy.Core.Audit;
using StreamPrivacy.Kafka.Tests.Cli;

namespace StreamPrivacy.Kafka.Tests.Stages;

/// <summary>
/// The audit log end to end: a drift pipeline writes its chains to the ledger, <c>audit verify</c>
/// (the real CLI process) accepts them, and rejects modified, inserted and deleted records.
/// </summary>
public sealed class AuditLogTests : IDisposable
{
    private const string Instance = "audit-it";
    private static readonly DateTimeOffset Start = PipelineHarness.RecentMinute();
    private static readonly byte[] AuditKey = [.. Enumerable.Range(0, 32).Select(i => (byte)(90 + i))];
    private readonly string _dir = Directory.CreateTempSubdirectory("sp-audit-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Pipeline_WritesChains_VerifyAcceptsThem_AndNamesTheFirstTamperedRecord()
    {
        using var h = Harness();
        h.Produce(h.Topics.InferenceRaw, Events().Select(e => ((string?)e.Subject, Encoding.UTF8.GetBytes(e.Json))));
        await PipelineHarness.RunUntilAsync(h.CreatePipeline(Instance), () => ReleaseAudits(h).Count >= 3, TimeSpan.FromSeconds(90));

        // What the pipeline recorded: releases, the policy and key ids, signed and closed at the stop.
        var ledger = h.ReadAll(h.Topics.Ledger, 1, TimeSpan.FromSeconds(3));
        var audit = ledger.Where(r => Key(r).StartsWith("audit|", StringComparison.Ordinal)).ToList();
        var entries = audit.Select(r => AuditEntryJson.Decode(r.Message.Value)).ToList();
        Assert.Equal(3, entries.Count(e => e.Chain == "release/" + Instance && e.Kind == AuditEntryKind.Release));
        Assert.Contains(entries, e => e.Chain == "sanitize/" + Instance && e.Kind == AuditEntryKind.PolicyLoad && e.Subject.PolicyHash is { Length: 64 });
        Assert.Equal(["deadletter", "noise", "pseudonym"], entries.Where(e => e.Kind == AuditEntryKind.KeyRotation).Select(e => e.Subject.KeyName!).Order(StringComparer.Ordinal));
        Assert.All(entries.GroupBy(e => e.Chain), chain => Assert.Equal(AuditHeads.Closing, chain.MaxBy(e => e.Sequence)!.Subject.Outcome));
        Assert.All(audit.GroupBy(r => AuditEntryJson.Decode(r.Message.Value).Chain), chain => Assert.Single(chain.Select(r => r.Partition.Value).Distinct()));
        Assert.DoesNotContain(audit, r => Encoding.UTF8.GetString(r.Message.Value!).Contains("subject-", StringComparison.Ordinal));
        Assert.DoesNotContain(audit, r => Encoding.UTF8.GetString(r.Message.Value!).Contains(Convert.ToBase64String(AuditKey), StringComparison.Ordinal));

        // A restart with the same instance id continues both chains (the replayed releases add nothing).
        await PipelineHarness.RunUntilAsync(h.CreatePipeline(Instance), () => ChainLength(h, "sanitize/" + Instance) >= 11, TimeSpan.FromSeconds(60));
        ledger = h.ReadAll(h.Topics.Ledger, 1, TimeSpan.FromSeconds(3));
        audit = [.. ledger.Where(r => Key(r).StartsWith("audit|", StringComparison.Ordinal))];
        Assert.Equal(2, audit.Select(r => AuditEntryJson.Decode(r.Message.Value)).Count(e => e.Kind == AuditEntryKind.PolicyLoad));
        Assert.Equal(4, ReleaseAudits(h).Count); // 3 releases and the closing head, unchanged

        var intact = await VerifyAsync(h, h.Topics.Ledger);
        Assert.True(intact.ExitCode == 0, intact.Output);
        Assert.Contains("intact", intact.Output, StringComparison.Ordinal);
        Assert.Contains($"chain release/{Instance}: ", intact.Output, StringComparison.Ordinal);
        Assert.Contains("closed", intact.Output, StringComparison.Ordinal);

        // Deleted: a copy of the ledger without the release chain's entry 2.
        var release1 = audit.Single(r => Key(r) == AuditHash.RecordKey("release/" + Instance, 1));
        var deletedCopy = Copy(h, "ledger-deleted", ledger.Where(r => Key(r) != AuditHash.RecordKey("release/" + Instance, 2)));
        var deleted = await VerifyAsync(h, deletedCopy);
        Assert.True(deleted.ExitCode == 1, deleted.Output);
        Assert.Contains($"TAMPERED: chain release/{Instance} sequence 3 at {deletedCopy} partition {release1.Partition.Value} offset", deleted.Output, StringComparison.Ordinal);
        Assert.Contains("deleted: sequence gap", deleted.Output, StringComparison.Ordinal);

        // Inserted: a forged, correctly re-hashed entry under an existing key, in a copy of the ledger.
        var original = AuditEntryJson.Decode(release1.Message.Value);
        var forged = original with { Subject = original.Subject with { Epsilon = "0" } };
        forged = forged with { Hash = AuditHash.Compute(forged) };
        var insertedCopy = Copy(h, "ledger-inserted", ledger);
        var insertedAt = ProduceTo(h, insertedCopy, release1.Partition.Value, original.RecordKey, AuditEntryJson.Encode(forged));
        var inserted = await VerifyAsync(h, insertedCopy);
        Assert.True(inserted.ExitCode == 1, inserted.Output);
        Assert.Contains($"TAMPERED: chain release/{Instance} sequence 1 at {insertedCopy} partition {insertedAt.Partition.Value} offset {insertedAt.Offset.Value}: inserted", inserted.Output, StringComparison.Ordinal);

        // Modified: an altered copy of the same record (hash left as it was) produced into the live ledger.
        var altered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(release1.Message.Value!).Replace($"\"release_id\":\"{original.Subject.ReleaseId}\"", "\"release_id\":\"forged\"", StringComparison.Ordinal));
        var modifiedAt = ProduceTo(h, h.Topics.Ledger, release1.Partition.Value, original.RecordKey, altered);
        var modified = await VerifyAsync(h, h.Topics.Ledger);
        Assert.True(modified.ExitCode == 1, modified.Output);
        Assert.Contains($"TAMPERED: chain release/{Instance} sequence 1 at {h.Topics.Ledger} partition {modifiedAt.Partition.Value} offset {modifiedAt.Offset.Value}: modified: content does not match its hash", modified.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("forged", modified.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_WithoutAuditKeyOrBootstrap_ExitsTwo()
    {
        var noBootstrap = await CliProcess.RunAsync(TimeSpan.FromSeconds(60), "audit", "verify");
        Assert.True(noBootstrap.ExitCode == 2, noBootstrap.Output);
        var noKey = await CliProcess.RunAsync(TimeSpan.FromSeconds(60), "audit", "verify", "--bootstrap-servers", "127.0.0.1:1");
        Assert.True(noKey.ExitCode == 2, noKey.Output);
        Assert.Contains("no audit key configured", noKey.Output, StringComparison.Ordinal);
    }

    private PipelineHarness Harness()
    {
        var h = new PipelineHarness();
        var refPath = Path.Combine(_dir, "reference.jsonl");
        File.WriteAllLines(refPath, Enumerable.Range(0, 300).Select(i => EventJson(i, Start.AddDays(-1), i % 100)));
        var auditKey = Path.Combine(_dir, "audit.key");
        File.WriteAllBytes(auditKey, AuditKey);
        h.Options.Keys.Files["audit"] = auditKey;
        h.EnableDrift(refPath);
        h.Options.Drift.Mechanism = "discrete_laplace";
        h.Options.Drift.EpsilonPerWindow = 1m;
        h.Options.Drift.EpsilonPerPeriod = 100m;
        h.Options.Drift.MaxEmptyWindows = 0;
        return h;
    }

    private static Task<(int ExitCode, string Output)> VerifyAsync(PipelineHarness h, string topic) =>
        CliProcess.RunAsync(
            TimeSpan.FromSeconds(90),
            new Dictionary<string, string> { ["STREAMPRIVACY_KEY_AUDIT"] = Convert.ToBase64String(AuditKey) },
            "audit", "verify", "--bootstrap-servers", h.Cluster.BootstrapServers, "--topic", topic, "--require-closed");

    // A copy of the ledger: every record on the partition it came from, in offset order.
    private static string Copy(PipelineHarness h, string topic, IEnumerable<ConsumeResult<byte[]?, byte[]?>> records)
    {
        h.Cluster.CreateTopic(topic, 3);
        using var producer = Producer(h);
        foreach (var r in records.OrderBy(r => r.Partition.Value).ThenBy(r => r.Offset.Value))
        {
            producer.Produce(new TopicPartition(topic, r.Partition), new Message<byte[]?, byte[]> { Key = r.Message.Key, Value = r.Message.Value! });
        }

        Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
        return topic;
    }

    private static DeliveryResult<byte[]?, byte[]> ProduceTo(PipelineHarness h, string topic, int partition, string key, byte[] value)
    {
        using var producer = Producer(h);
        return producer.ProduceAsync(new TopicPartition(topic, partition), new Message<byte[]?, byte[]> { Key = Encoding.UTF8.GetBytes(key), Value = value }).GetAwaiter().GetResult();
    }

    private static IProducer<byte[]?, byte[]> Producer(PipelineHarness h) =>
        new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig { BootstrapServers = h.Cluster.BootstrapServers, EnableIdempotence = true }).Build();

    private static string Key(ConsumeResult<byte[]?, byte[]?> r) => r.Message.Key is null ? string.Empty : Encoding.UTF8.GetString(r.Message.Key);

    private static List<string> ReleaseAudits(PipelineHarness h) =>
        [.. h.ReadAll(h.Topics.Ledger, 0, TimeSpan.FromSeconds(1)).Select(Key).Where(k => k.StartsWith("audit|release/", StringComparison.Ordinal))];

    private static int ChainLength(PipelineHarness h, string chain) =>
        h.ReadAll(h.Topics.Ledger, 0, TimeSpan.FromSeconds(1)).Count(r => Key(r).StartsWith($"audit|{chain}|", StringComparison.Ordinal));

    // Three one-minute windows of 100 events each.
    private static List<(string Subject, string Json)> Events() =>
        [.. Enumerable.Range(0, 300).Select(i => ("subject-" + i, EventJson(i, Start.AddMinutes(i / 100).AddMilliseconds((i % 100) * 400), i % 100)))];

    private static string EventJson(int i, DateTimeOffset time, int x) =>
        $$$"""{"event_id":"e-{{{i}}}","event_time":"{{{time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}}}","model":{"name":"m","version":"1"},"subject_id":"subject-{{{i}}}","consent":["monitoring"],"features":{"x":{{{x}}}},"prediction":{"label":"yes","score":0.5}}""";
}
