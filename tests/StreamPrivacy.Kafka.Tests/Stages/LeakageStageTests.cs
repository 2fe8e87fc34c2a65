using System.Text;
using System.Text.Json;
using StreamPrivacy.Core.Leakage;
using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Kafka.Tests.Stages;

/// <summary>The leakage stage end to end: PII in model outputs and a canary hit become leakage alerts without values.</summary>
public sealed class LeakageStageTests : IDisposable
{
    private const string Canary = "zq-canary-test-0042aa";
    private const string Email = "leaky.person@example.org";
    private readonly string _dir = Directory.CreateTempSubdirectory("sp-leak-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Run_PiiInResponsesAndACanary_RaisesLeakageAlertsWithoutValues()
    {
        using var h = new PipelineHarness();
        var keyPath = Path.Combine(_dir, "canary.key");
        File.WriteAllBytes(keyPath, Enumerable.Range(0, 32).Select(i => (byte)(i + 9)).ToArray());
        h.Options.Keys.Files[KeyNames.Canary] = keyPath;
        var key = new KeyRing(null, h.Options.Keys.Files, null, _ => { }).Get(KeyNames.Canary);
        var canaries = Path.Combine(_dir, "canaries.txt");
        File.WriteAllLines(canaries, CanarySet.FromCanaries(key, [Canary]).ToLines());
        h.Options.Leakage.CanariesFile = canaries;
        h.Options.Leakage.Window = TimeSpan.FromSeconds(1);

        h.Produce(h.Topics.InferenceRaw, Enumerable.Range(0, 30).Select(i => ((string?)("s" + i), Event(i, i < 20 ? $"we will write to {Email} soon" : i == 25 ? $"code {Canary} applies" : "all fine"))));
        var pipeline = h.CreatePipeline();
        await PipelineHarness.RunUntilAsync(pipeline, () => Kinds(h).IsSupersetOf(["pii_in_model_output", "canary_hit"]), TimeSpan.FromSeconds(60));

        var alerts = h.ReadAll(h.Topics.LeakageAlerts, 2, TimeSpan.FromSeconds(5));
        var texts = alerts.Select(a => Encoding.UTF8.GetString(a.Message.Value!)).ToList();
        Assert.All(texts, t => Assert.DoesNotContain(Email, t, StringComparison.Ordinal));
        Assert.All(texts, t => Assert.DoesNotContain(Canary, t, StringComparison.Ordinal));
        var pii = texts.Select(t => JsonDocument.Parse(t).RootElement).First(a => a.GetProperty("kind").GetString() == "pii_in_model_output");
        Assert.Equal("raised", pii.GetProperty("state").GetString());
        Assert.Equal("$.text.response", pii.GetProperty("field_path").GetString());
        Assert.Equal("EMAIL_ADDRESS", pii.GetProperty("entity_type").GetString());
        Assert.InRange(pii.GetProperty("count").GetInt64(), 1, 20); // a window boundary may split the 20
    }

    [Fact]
    public async Task Run_OneClientRepeatingNearDuplicatePrompts_RaisesProbingForItsPseudonymOnly()
    {
        using var h = new PipelineHarness();
        h.Options.Leakage.Window = TimeSpan.FromSeconds(1);
        h.Options.Leakage.ProbingMinQueries = 20;
        var prober = Enumerable.Range(0, 40).Select(i => ((string?)"prober-77", Event(i, "ok", "prober-77", $"what is the credit limit for applicant number {i % 3}")));
        var others = Enumerable.Range(100, 40).Select(i => ((string?)("s" + i), Event(i, "ok", "s" + i, $"question {i} about something else entirely")));
        h.Produce(h.Topics.InferenceRaw, prober.Concat(others));
        await PipelineHarness.RunUntilAsync(h.CreatePipeline(), () => Kinds(h).Contains("probing"), TimeSpan.FromSeconds(60));

        var probing = h.ReadAll(h.Topics.LeakageAlerts, 1, TimeSpan.FromSeconds(5))
            .Select(a => Encoding.UTF8.GetString(a.Message.Value!))
            .Where(t => t.Contains("\"probing\"", StringComparison.Ordinal))
            .ToList();
        Assert.All(probing, t => Assert.DoesNotContain("prober-77", t, StringComparison.Ordinal));
        Assert.All(probing, t => Assert.DoesNotContain("credit limit", t, StringComparison.Ordinal));
        // One raise (a later window without the client's queries resolves it).
        var alert = Assert.Single(probing.Select(t => JsonDocument.Parse(t).RootElement), a => a.GetProperty("state").GetString() == "raised");
        Assert.StartsWith("ps_", alert.GetProperty("client").GetString(), StringComparison.Ordinal);
        Assert.True(alert.GetProperty("near_duplicate_share").GetDouble() >= 0.5);
    }

    [Fact]
    public async Task Run_RecordWithheldByVerification_RaisesPostRedactionHit()
    {
        using var h = new PipelineHarness();
        h.Options.Leakage.Window = TimeSpan.FromSeconds(1);
        var policy = Path.Combine(_dir, "keep.yaml");
        File.WriteAllText(policy, """
            field_rules:
              - path: $.text.response
                operator: keep
            free_text:
              disabled_entities: [EMAIL_ADDRESS]
            """);
        h.Options.PolicyFile = policy;
        h.Produce(h.Topics.InferenceRaw, [("s1", Event(1, "fine", prompt: $"write to {Email}")), ("s2", Event(2, "fine"))]);
        var pipeline = h.CreatePipeline();
        await PipelineHarness.RunUntilAsync(pipeline, () => Kinds(h).Contains("post_redaction_hit"), TimeSpan.FromSeconds(60));

        // Raised in the window holding the withheld record (and resolved in a later, clean one).
        var texts = h.ReadAll(h.Topics.LeakageAlerts, 1, TimeSpan.FromSeconds(5)).Select(a => Encoding.UTF8.GetString(a.Message.Value!)).ToList();
        Assert.All(texts, t => Assert.DoesNotContain(Email, t, StringComparison.Ordinal));
        var raised = texts.Select(t => JsonDocument.Parse(t).RootElement)
            .Single(a => a.GetProperty("kind").GetString() == "post_redaction_hit" && a.GetProperty("state").GetString() == "raised");
        Assert.Equal(1, raised.GetProperty("count").GetInt64());
    }

    private static HashSet<string> Kinds(PipelineHarness h) =>
        [.. h.ReadAll(h.Topics.LeakageAlerts, 0, TimeSpan.FromMilliseconds(500))
            .Select(r => JsonDocument.Parse(r.Message.Value!).RootElement.GetProperty("kind").GetString()!)];

    private static byte[] Event(int i, string response, string? subject = null, string prompt = "hello") => Encoding.UTF8.GetBytes(
        $$$"""{"event_id":"e-{{{i}}}","event_time":"{{{DateTimeOffset.UtcNow:O}}}","model":{"name":"m","version":"1"},"subject_id":"{{{subject ?? "s" + i}}}","consent":["monitoring"],"text":{"prompt":"{{{prompt}}}","response":"{{{response}}}"}}""");
}
