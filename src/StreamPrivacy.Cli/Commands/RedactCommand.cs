using System.CommandLine;
using System.Text.Json;
using StreamPrivacy.Core.Policy;
using StreamPrivacy.Core.Privacy;
using StreamPrivacy.Core.Redaction.Offline;
using StreamPrivacy.Core.Sanitization;
using StreamPrivacy.Ner.Onnx;

namespace StreamPrivacy.Cli.Commands;

/// <summary><c>streamprivacy redact</c>: offline redaction of a JSON-lines file with a policy.</summary>
internal static class RedactCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input", "-i") { Description = "JSON lines to redact ('-' for stdin).", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "Where to write redacted JSON lines ('-' for stdout).", Required = true };
        var policy = new Option<FileInfo?>("--policy", "-p") { Description = "Policy YAML; the shipped default policy when omitted." };
        var report = new Option<FileInfo?>("--report", "-r") { Description = "Write a JSON report of counts per entity type and field (never values)." };
        var failFast = new Option<bool>("--fail-fast") { Description = "Stop at the first line that is not valid JSON (exit 1) instead of skipping it." };
        var verify = new Option<string>("--verify")
        {
            Description = "Post-redaction verification: every output line is scanned again with all built-in detectors and withheld (reported by line number) if anything is found: always (default), never.",
            DefaultValueFactory = _ => "always",
        };
        verify.AcceptOnlyFromAmong("always", "never");
        var keys = new Option<DirectoryInfo?>("--keys") { Description = "Folder of NAME.key files for hash/encrypt/pseudonym keys (else STREAMPRIVACY_KEY_NAME variables, else ephemeral keys)." };
        var command = new Command("redact", "Redact a JSON-lines file: one redacted line per input line, in order. Events (lines with a top-level 'consent') get the full policy, including the consent filter and minimisation; other documents get field rules and PII scanning.")
        {
            input, output, policy, report, failFast, verify, keys,
        };
        command.SetAction((parse, ct) => RunAsync(
            parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(policy), parse.GetValue(report), parse.GetValue(failFast), parse.GetValue(verify)!, parse.GetValue(keys), ct));
        return command;
    }

    private static async Task<int> RunAsync(string inputPath, string outputPath, FileInfo? policyFile, FileInfo? reportFile, bool failFast, string verify, DirectoryInfo? keyDirectory, CancellationToken ct)
    {
        SanitizePolicy policy;
        try
        {
            policy = policyFile is null ? PolicyLoader.Default : PolicyLoader.LoadFile(policyFile.FullName);
        }
        catch (PolicyException ex)
        {
            await Console.Error.WriteLineAsync("policy error: " + ex.Message);
            return 2;
        }

        foreach (var setting in policy.UnsafeSettings)
        {
            await Console.Error.WriteLineAsync("warning: unsafe policy (allow_unsafe: true): " + setting);
        }

        var keys = new KeyRing(keyDirectory?.FullName, null, null, warning => Console.Error.WriteLine("warning: " + warning));
        JsonLinesRedactor redactor;
        try
        {
            redactor = new SanitizerFactory(policy, keys, TimeProvider.System, OnnxNerBackend.Create).CreateJsonLinesRedactor(verify == "always");
        }
        catch (PolicyException ex)
        {
            await Console.Error.WriteLineAsync("policy error: " + ex.Message);
            return 2;
        }
        var failed = false;
        JsonLinesReport result;
        try
        {
            await using var source = inputPath == "-" ? Console.OpenStandardInput() : new FileStream(inputPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: false);
            await using var sink = outputPath == "-" ? Console.OpenStandardOutput() : new FileStream(outputPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: false);
            result = await redactor.RunAsync(source, sink, (line, problem) =>
            {
                Console.Error.WriteLine($"line {line}: {problem}");
                if (failFast && (problem.StartsWith("not valid JSON", StringComparison.Ordinal) || problem.StartsWith("rejected:", StringComparison.Ordinal)))
                {
                    failed = true;
                    return false;
                }

                return true;
            }, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"cannot read or write the files ({ex.GetType().Name}: {ex.Message})");
            return 2;
        }

        if (reportFile is not null)
        {
            await File.WriteAllBytesAsync(reportFile.FullName, ReportJson(result, policy), ct);
        }

        await Console.Error.WriteLineAsync($"{result.Lines} lines: {result.Written} written, {result.DroppedNoConsent} dropped for consent, {result.InvalidJson} invalid, {result.Withheld} withheld, {result.Counts.Total} values redacted");
        return failed ? 1 : 0;
    }

    private static byte[] ReportJson(JsonLinesReport report, SanitizePolicy policy)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("policy_version", policy.Version);
            json.WriteNumber("lines", report.Lines);
            json.WriteNumber("written", report.Written);
            json.WriteNumber("blank", report.Blank);
            json.WriteNumber("dropped_no_consent", report.DroppedNoConsent);
            json.WriteNumber("invalid_json", report.InvalidJson);
            json.WriteNumber("withheld", report.Withheld);
            json.WriteNumber("fields_removed", report.Counts.FieldsRemoved);
            json.WriteStartObject("redactions_by_entity");
            foreach (var (entity, count) in report.Counts.ByEntity.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                json.WriteNumber(entity, count);
            }

            json.WriteEndObject();
            json.WriteStartObject("redactions_by_field");
            foreach (var group in report.Counts.ByField.GroupBy(kv => kv.Key.Split('|')[0]).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                json.WriteStartObject(group.Key);
                foreach (var (key, count) in group.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    json.WriteNumber(key.Split('|')[1], count);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }
}
