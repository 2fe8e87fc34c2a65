using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using StreamPrivacy.Core.Audit;
using StreamPrivacy.Core.Drift;
using StreamPrivacy.Core.Drift.Release;
using StreamPrivacy.Core.Privacy;
using StreamPrivacy.Core.Windowing;
using StreamPrivacy.Kafka.Serdes;
using StreamPrivacy.Kafka.Stages.Drift;

namespace StreamPrivacy.Kafka.Tests.Stages;

/// <summary>The JSON the profile and release stages write fits the topics' Avro schemas, and the ledger round-trips.</summary>
public sealed class DriftMessageSchemaTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly AvroSingleObjectCodec _codec = new(AvroSchemaCatalog.Default);

    [Fact]
    public void EveryDriftMessage_EncodesWithItsSchema()
    {
        var (release, partial, budget) = Sample();
        Fits("PartialHistogram", PartialsMessage.Encode(partial, T0));
        Fits("PartialHistogram", PartialsMessage.EncodeWatermark("ml.inference.sanitized", 2, T0, T0));
        Fits("LedgerRecord", LedgerMessage.EncodeRelease(release));
        Fits("LedgerRecord", LedgerMessage.EncodeBudget(budget, T0));
        Assert.NotEmpty(release.Alerts);
        foreach (var metric in MetricsMessage.Encode(release))
        {
            Fits("MetricRelease", metric);
        }

        foreach (var (_, alert) in AlertMessage.EncodeDrift(release))
        {
            Fits("Alert", alert);
        }

        var state = new BudgetState("m/1/inference", T0.Date, T0.Date.AddDays(1), Rational.One, Rational.One, Rational.Zero, Rational.Zero, 3, true, true, false, 1e-6);
        Fits("Alert", AlertMessage.EncodeBudget(release.Stream, release.Window, state, exhausted: true, T0).Value);
        foreach (var finding in new[]
        {
            new Core.Leakage.LeakageFinding(Core.Leakage.LeakageKind.PiiInModelOutput, "m", "1", "$.text.response", "EMAIL_ADDRESS", null, 3, 40, null),
            new Core.Leakage.LeakageFinding(Core.Leakage.LeakageKind.Probing, "m", "1", null, null, "ps_abc", 400, null, 0.8),
            new Core.Leakage.LeakageFinding(Core.Leakage.LeakageKind.PostRedactionHit, string.Empty, string.Empty, null, null, null, 2, null, null),
        })
        {
            Fits("Alert", AlertMessage.EncodeLeakage(new Core.Leakage.LeakageAlert(finding, true, T0, T0.AddMinutes(1)), T0).Value);
            Fits("Alert", AlertMessage.EncodeLeakage(new Core.Leakage.LeakageAlert(finding, false, T0, T0.AddMinutes(1)), T0).Value);
        }
    }

    [Fact]
    public void EveryAuditEntryKind_EncodesWithTheLedgerSchema_AndDecodesAsNoReleaseOrBudget()
    {
        var chain = new AuditChain("release/test", new SecretKey(new byte[32], "audit-1"), headEvery: 2);
        var entries = new List<AuditEntry>();
        entries.AddRange(chain.Append(AuditEntryKind.PolicyLoad, new AuditSubject { PolicyVersion = "default-2", PolicyHash = new string('a', 64), Outcome = "loaded" }, T0));
        entries.AddRange(chain.Append(AuditEntryKind.KeyRotation, new AuditSubject { KeyName = "pseudonym", KeyId = "k1", Outcome = "in_use" }, T0));
        entries.AddRange(chain.Append(AuditEntryKind.Release, new AuditSubject { ReleaseId = "r1", Stream = "m/1/inference", PeriodStart = "2026-11-23T00:00:00.0000000Z", PolicyVersion = "default-2", Epsilon = "1/2", Rho = "0", Outcome = "charged" }, T0));
        entries.AddRange(chain.Append(AuditEntryKind.BudgetCharge, new AuditSubject { ReleaseId = "r2", Stream = "m/1/inference", Epsilon = "1", Rho = "0", Outcome = "refused" }, T0));
        entries.Add(chain.Close(T0));
        Assert.Equal(Enum.GetValues<AuditEntryKind>().Length, entries.Select(e => e.Kind).Distinct().Count());
        foreach (var entry in entries)
        {
            var json = AuditEntryJson.Encode(entry);
            Fits("LedgerRecord", json);
            Assert.Equal((null, null), LedgerMessage.Decode(json));
        }
    }

    [Fact]
    public void LedgerRelease_RoundTrips_AndRendersTheSameMetricBytes()
    {
        var (release, _, _) = Sample();
        var encoded = LedgerMessage.EncodeRelease(release);
        var decoded = LedgerMessage.Decode(encoded).Release!;
        Assert.Equal(encoded, LedgerMessage.EncodeRelease(decoded));
        Assert.Equal(MetricsMessage.Encode(release), MetricsMessage.Encode(decoded));
        Assert.Equal(AlertMessage.EncodeDrift(release).Select(a => a.Value), AlertMessage.EncodeDrift(decoded).Select(a => a.Value));
    }

    [Fact]
    public void PartialsMessage_RoundTrips()
    {
        var (_, partial, _) = Sample();
        var decoded = PartialsMessage.Decode(PartialsMessage.Encode(partial, T0)).Partial!;
        Assert.Equal(partial.Stream, decoded.Stream);
        Assert.Equal(partial.Window, decoded.Window);
        Assert.Equal(partial.Counts["x"], decoded.Counts["x"]);
        Assert.Equal(partial.Counts["c"], decoded.Counts["c"]);
        var marker = PartialsMessage.Decode(PartialsMessage.EncodeWatermark("t", 4, T0, T0)).Watermark!.Value;
        Assert.Equal(("t", 4, T0), marker);
    }

    private void Fits(string schema, byte[] json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        var bytes = _codec.Encode(node, AvroSchemaCatalog.Default.GetByName("io.streamprivacy.v1." + schema));
        Assert.NotEmpty(bytes);
    }

    private static (ReleaseRecord Release, PartialWindow Partial, BudgetLedgerRecord Budget) Sample()
    {
        var builder = new ReferenceProfileBuilder(4);
        for (var i = 0; i < 100; i++)
        {
            builder.AddNumber("x", i);
            builder.AddCategory("c", "abc"[i % 3].ToString());
        }

        var reference = builder.Build();
        var stream = new StreamId("m", "1", "inference");
        var window = new Window(T0, T0.AddMinutes(5));
        var partial = new PartialWindow(
            stream, window, "ml.inference.sanitized", 0, reference.ContentHash,
            new Dictionary<string, long[]> { ["x"] = [0, 0, 5, 95], ["c"] = [10, 10, 10, 0] },
            new Dictionary<string, long> { ["x"] = 0, ["c"] = 1 },
            130,
            0);
        var time = new FakeTimeProvider(T0.AddMinutes(6));
        var accountant = new PrivacyAccountant(new PrivacyBudgetOptions { EpsilonPerPeriod = new Rational(10, 1) }, time);
        var releaser = new WindowReleaser(new ReleaseSettings { EpsilonPerWindow = Rational.One }, accountant, new SecretKey(new byte[32]), new DriftAlertTracker(), time);
        var release = releaser.Release(new PendingWindow(partial, 0), reference, "default-2").Record!;
        return (release, partial, accountant.Export().Single());
    }
}
