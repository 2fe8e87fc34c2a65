using System.Text;
using StreamPrivacy.Core.Policy;

namespace StreamPrivacy.Core.Tests.Redaction.Offline;

public sealed class JsonLinesRedactorTests
{
    private static async Task<(string Output, Core.Redaction.Offline.JsonLinesReport Report, List<long> Problems)> Run(string input)
    {
        var redactor = TestSanitizers.Factory(PolicyLoader.Default).CreateJsonLinesRedactor();
        using var source = new MemoryStream(Encoding.UTF8.GetBytes(input));
        using var sink = new MemoryStream();
        var problems = new List<long>();
        var report = await redactor.RunAsync(source, sink, (line, _) =>
        {
            problems.Add(line);
            return true;
        });
        return (Encoding.UTF8.GetString(sink.ToArray()), report, problems);
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
}
