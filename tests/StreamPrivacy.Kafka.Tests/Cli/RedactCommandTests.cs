using System.Text.Json.Nodes;

namespace StreamPrivacy.Kafka.Tests.Cli;

/// <summary>The offline <c>redact</c> command, run as a real process.</summary>
public sealed class RedactCommandTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly string _dir = Directory.CreateTempSubdirectory("sp-redact-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Redact_DefaultPolicy_WritesOneLinePerKeptLineInOrderAndReportsCounts()
    {
        var input = File("in.jsonl", """
            {"n":1,"text":"call 212-555-5555 or mail a.b@example.com"}
            {"n":2,"text":"nothing here, version 1.2.3, price $1,299.99"}

            this is not json
            {"n":3,"event_id":"e","consent":["marketing"],"text":"x"}
            {"n":4,"nested":{"ip":["10.0.0.1","2001:db8::1"]}}
            """);
        var output = Path.Combine(_dir, "out.jsonl");
        var report = Path.Combine(_dir, "report.json");

        var (exit, log) = await CliProcess.RunAsync(Timeout, "redact", "--input", input, "--output", output, "--report", report);

        Assert.Equal(0, exit);
        Assert.Contains("line 4: not valid JSON (skipped)", log, StringComparison.Ordinal);
        var lines = System.IO.File.ReadAllLines(output).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal([1, 2, 4], lines.Select(l => l["n"]!.GetValue<int>()));
        Assert.Equal("call <PHONE_NUMBER> or mail <EMAIL_ADDRESS>", lines[0]["text"]!.GetValue<string>());
        Assert.Equal("nothing here, version 1.2.3, price $1,299.99", lines[1]["text"]!.GetValue<string>());
        Assert.Equal("""["<IP_ADDRESS>","<IP_ADDRESS>"]""", lines[2]["nested"]!["ip"]!.ToJsonString().Replace("\\u003C", "<", StringComparison.Ordinal).Replace("\\u003E", ">", StringComparison.Ordinal));

        var rep = JsonNode.Parse(System.IO.File.ReadAllText(report))!;
        Assert.Equal(6, rep["lines"]!.GetValue<long>());
        Assert.Equal(3, rep["written"]!.GetValue<long>());
        Assert.Equal(1, rep["dropped_no_consent"]!.GetValue<long>());
        Assert.Equal(1, rep["invalid_json"]!.GetValue<long>());
        Assert.Equal(2, rep["redactions_by_entity"]!["IP_ADDRESS"]!.GetValue<long>());
        Assert.Equal(1, rep["redactions_by_field"]!["$.text"]!["EMAIL_ADDRESS"]!.GetValue<long>());
        var reportText = System.IO.File.ReadAllText(report);
        Assert.DoesNotContain("example.com", reportText, StringComparison.Ordinal);
        Assert.DoesNotContain("212-555", reportText + log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redact_FailFast_StopsAtFirstInvalidLineWithExitOne()
    {
        var input = File("in.jsonl", "{\"a\":1}\n{broken\n{\"a\":2}\n");
        var output = Path.Combine(_dir, "out.jsonl");
        var (exit, log) = await CliProcess.RunAsync(Timeout, "redact", "-i", input, "-o", output, "--fail-fast");
        Assert.Equal(1, exit);
        Assert.Contains("line 2", log, StringComparison.Ordinal);
        Assert.Single(System.IO.File.ReadAllLines(output));
    }

    [Fact]
    public async Task Redact_CustomPolicy_AppliesFieldRules()
    {
        var policy = File("policy.yaml", """
            version: test-1
            field_rules:
              - { path: $.user.email, operator: mask, chars_to_mask: 3 }
              - { path: $.age, operator: generalize, mode: numeric_bucket, bucket_width: 10 }
            custom_detectors:
              - { entity_type: TICKET, regex: "TCK-[0-9]{5}" }
            """);
        var input = File("in.jsonl", """{"user":{"email":"abc@example.com"},"age":42,"t":"see TCK-12345"}""" + "\n");
        var output = Path.Combine(_dir, "out.jsonl");
        var (exit, _) = await CliProcess.RunAsync(Timeout, "redact", "-i", input, "-o", output, "-p", policy);
        Assert.Equal(0, exit);
        var line = JsonNode.Parse(System.IO.File.ReadAllLines(output).Single())!;
        Assert.Equal("***@example.com", line["user"]!["email"]!.GetValue<string>());
        Assert.Equal("[40,50)", line["age"]!.GetValue<string>());
        Assert.Equal("see <TICKET>", line["t"]!.GetValue<string>());
    }

    [Fact]
    public async Task Redact_InvalidPolicy_ExitsTwoNamingFileAndLine()
    {
        var policy = File("bad.yaml", "version: x\nfield_rules:\n  - { path: $.a, operator: maks }\n");
        var input = File("in.jsonl", "{}\n");
        var (exit, log) = await CliProcess.RunAsync(Timeout, "redact", "-i", input, "-o", Path.Combine(_dir, "o"), "-p", policy);
        Assert.Equal(2, exit);
        Assert.Contains("bad.yaml:3:", log, StringComparison.Ordinal);
        Assert.Contains("maks", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redact_PolicyDisablingAType_VerifierWithholdsLinesStillHoldingIt()
    {
        var policy = File("p.yaml", "free_text:\n  disabled_entities: [EMAIL_ADDRESS]\n");
        var input = File("in.jsonl", "{\"t\":\"mail a.b@example.com\"}\n{\"t\":\"clean\"}\n");
        var output = Path.Combine(_dir, "out.jsonl");
        var (exit, log) = await CliProcess.RunAsync(Timeout, "redact", "-i", input, "-o", output, "-p", policy);
        Assert.Equal(0, exit);
        Assert.Contains("line 1: withheld: EMAIL_ADDRESS", log, StringComparison.Ordinal);
        Assert.DoesNotContain("example.com", log, StringComparison.Ordinal);
        Assert.Equal(["{\"t\":\"clean\"}"], System.IO.File.ReadAllLines(output));
    }

    [Fact]
    public async Task Redact_UnsafePolicy_IsRefusedWithoutAllowUnsafeAndWarnedWithIt()
    {
        var input = File("in.jsonl", "{\"t\":\"mail a.b@example.com\"}\n");
        var output = Path.Combine(_dir, "out.jsonl");
        var refused = File("refused.yaml", "free_text: { scan: false }\n");
        var (exit, log) = await CliProcess.RunAsync(Timeout, "redact", "-i", input, "-o", output, "-p", refused);
        Assert.Equal(2, exit);
        Assert.Contains("unsafe policy refused", log, StringComparison.Ordinal);

        var accepted = File("accepted.yaml", "allow_unsafe: true\nfree_text: { entities: { PERSON: { operator: keep } } }\n");
        (exit, log) = await CliProcess.RunAsync(Timeout, "redact", "-i", input, "-o", output, "-p", accepted);
        Assert.Equal(0, exit);
        Assert.Contains("warning: unsafe policy (allow_unsafe: true): free_text.entities.PERSON uses operator keep", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redact_NamesNumbersAndUnicodeForms_AreRedacted()
    {
        var input = File("in.jsonl", """
            {"text":"Hi, my name is Maria Garcia, card 4111\u00a01111\u00a01111\u00a01111","ssn":536221234,"n":4.111111111111111e15}
            {"subject_id":{"email":"a.b@example.com"},"t":"x"}
            """);
        var output = Path.Combine(_dir, "out.jsonl");
        var (exit, log) = await CliProcess.RunAsync(Timeout, "redact", "-i", input, "-o", output);
        Assert.Equal(0, exit);
        Assert.Contains("line 2: rejected: $.subject_id is not a string or number (skipped)", log, StringComparison.Ordinal);
        var line = JsonNode.Parse(System.IO.File.ReadAllLines(output).Single())!;
        Assert.Equal("Hi, my name is <PERSON>, card <CREDIT_CARD>", line["text"]!.GetValue<string>());
        Assert.Equal("<US_SSN>", line["ssn"]!.GetValue<string>());
        Assert.Equal("<CREDIT_CARD>", line["n"]!.GetValue<string>());
        Assert.DoesNotContain("example.com", log, StringComparison.Ordinal);
    }
}
