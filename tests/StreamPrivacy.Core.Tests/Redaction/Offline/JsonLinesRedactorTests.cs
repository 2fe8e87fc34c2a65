using System.Text;
using StreamPrivacy.Core.Policy;

namespace StreamPrivacy.Core.Tests.Redaction.Offline;

public sealed class JsonLinesRedactorTests
{
    private static async Task<(string Output, Core.Redaction.Offline.JsonLinesReport Report, List<long> Problems)> Run(string input, long stopAt = 0)
    {
        var redactor = TestSanitizers.Factory(PolicyLoader.Default).CreateJsonLinesRedactor();
        using var source = new MemoryStream(Encoding.UTF8.GetBytes(input));
        using var sink = new MemoryStream();
        var problems = new List<long>();
        var report = await redactor.RunAsync(source, sink, (line, _) =>
        {
            problems.Add(line);
            return line != stopAt;
        });
        return (Encoding.UTF8.GetString(sink.ToArray()), report, problems);
    }

    /// <summary>Line n: a document whose text holds an e-mail when n is even; every 97th line is not JSON.</summary>
    private static string ManyLines(int count, int stringLength = 40)
    {
        var text = new StringBuilder();
        for (var n = 1; n <= count; n++)
        {
            if (n % 97 == 0)
            {
                text.Append("{broken ").Append(n).Append('\n');
                continue;
            }

            var pad = new string('x', stringLength);
            text.Append("{\"n\":").Append(n).Append(",\"t\":\"").Append(pad)
                .Append(n % 2 == 0 ? " mail u" + n + "@example.com" : " nothing").Append("\"}\n");
        }

        return text.ToString();
    }

    [Fact]
    public async Task RunAsync_ManyBatches_KeepsInputOrderCountsAndLineNumbers()
    {
        const int count = 20_000; // well over a megabyte: many batches on every worker
        var (output, report, problems) = await Run(ManyLines(count));

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var expected = Enumerable.Range(1, count).Where(n => n % 97 != 0).ToArray();
        Assert.Equal(expected.Length, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            Assert.StartsWith("{\"n\":" + expected[i] + ",", lines[i], StringComparison.Ordinal);
        }

        Assert.Equal(Enumerable.Range(1, count).Where(n => n % 97 == 0).Select(n => (long)n), problems);
        Assert.Equal(count, report.Lines);
        Assert.Equal(expected.Length, report.Written);
        Assert.Equal(count / 97, report.InvalidJson);
        Assert.Equal(expected.Count(n => n % 2 == 0), report.Counts.ByEntity["EMAIL_ADDRESS"]);
        Assert.DoesNotContain("@example.com", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_StopRequested_WritesAndCountsExactlyTheLinesBeforeIt()
    {
        var (output, report, problems) = await Run(ManyLines(5_000), stopAt: 97 * 30);

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(97 * 30 - 30, lines.Length);
        Assert.StartsWith("{\"n\":" + (97 * 30 - 1) + ",", lines[^1], StringComparison.Ordinal);
        Assert.Equal(97 * 30, problems[^1]);
        Assert.Equal(97 * 30, report.Lines);
        Assert.Equal(lines.Length, report.Written);
        Assert.Equal(Enumerable.Range(1, 97 * 30).Count(n => n % 97 != 0 && n % 2 == 0), report.Counts.ByEntity["EMAIL_ADDRESS"]);
    }

    [Fact]
    public async Task RunAsync_LinesLongerThanABatchAndNoFinalNewline_AreWhole()
    {
        var input = ManyLines(3, stringLength: 300_000) + "{\"t\":\"last a@example.com\"}";
        var (output, report, problems) = await Run(input);

        Assert.Empty(problems);
        Assert.Equal(4, report.Written);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.True(lines[1].Length > 300_000);
        Assert.EndsWith(" mail <EMAIL_ADDRESS>\"}", lines[1], StringComparison.Ordinal);
        Assert.Equal("{\"t\":\"last <EMAIL_ADDRESS>\"}", lines[3]);
    }

    [Fact]
    public async Task RunAsync_EmptyInputAndCrLf_AreHandled()
    {
        Assert.Equal(0, (await Run(string.Empty)).Report.Lines);
        var (output, report, _) = await Run("{\"a\":1}\r\n\r\n{\"a\":2}\r\n");
        Assert.Equal("{\"a\":1}\n{\"a\":2}\n", output);
        Assert.Equal(1, report.Blank);
    }

    [Fact]
    public async Task RunAsync_MalformedLineWithConsentKey_IsReportedNotFatal()
    {
        var (output, report, problems) = await Run("{\"x\":[1,},\"consent\":[\"monitoring\"]}\n{\"t\":\"a@example.com\"}\n");
        Assert.Equal([1L], problems);
        Assert.Equal(1, report.InvalidJson);
        Assert.Equal("{\"t\":\"<EMAIL_ADDRESS>\"}\n", output);
    }

    [Fact]
    public async Task RunAsync_EventsAndDocuments_ConsentAppliesOnlyToEvents()
    {
        var (output, report, _) = await Run("{\"consent\":[\"marketing\"],\"t\":\"x\"}\n{\"t\":\"y\"}\n{\"consent\":[\"monitoring\"],\"event_id\":\"e\"}\n");
        Assert.Equal(1, report.DroppedNoConsent);
        Assert.Equal(2, report.Written);
        Assert.Equal("{\"t\":\"y\"}\n{\"consent\":[\"monitoring\"],\"event_id\":\"e\"}\n", output);
    }

    [Fact]
    public async Task RunAsync_DefaultVerification_WithholdsWhatADisabledTypeLetThrough()
    {
        // The policy stops detecting e-mail; the verifier (on by default) still checks every type and withholds the line.
        var policy = PolicyLoader.Parse("free_text: { disabled_entities: [EMAIL_ADDRESS] }", "p.yaml");
        var redactor = TestSanitizers.Factory(policy).CreateJsonLinesRedactor();
        using var source = new MemoryStream(Encoding.UTF8.GetBytes("{\"t\":\"mail bob@example.org\"}\n{\"t\":\"clean\"}\n"));
        using var sink = new MemoryStream();
        var problems = new List<string>();
        var report = await redactor.RunAsync(source, sink, (line, problem) =>
        {
            problems.Add($"{line}: {problem}");
            return true;
        });
        Assert.Equal(1, report.Withheld);
        Assert.Equal("{\"t\":\"clean\"}\n", Encoding.UTF8.GetString(sink.ToArray()));
        Assert.Equal("1: withheld: EMAIL_ADDRESS still found at $.t after redaction", Assert.Single(problems));
    }

    [Fact]
    public async Task RunAsync_SubjectObject_IsRejectedAndReportedWithoutItsContent()
    {
        var (output, report, problems) = await Run("{\"subject_id\":{\"mail\":\"bob@example.org\"},\"t\":\"x\"}\n{\"t\":\"ok\"}\n");
        Assert.Equal("{\"t\":\"ok\"}\n", output);
        Assert.Equal(1, report.InvalidJson);
        Assert.Equal([1L], problems);
    }
}
