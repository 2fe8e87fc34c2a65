using System.Text;
using StreamPrivacy.Cli.Report;

namespace StreamPrivacy.Kafka.Tests.Cli;

/// <summary>The report builder in process, from parsed records (no Kafka).</summary>
public sealed class PrivacyReportHtmlTests
{
    private const string Hostile = "<img src=x onerror=alert(1)>\"'&";

    [Fact]
    public void Build_NoRecords_SaysSoAndStaysValid()
    {
        var html = PrivacyReportHtml.Build(new ReportData(), new ReportSettings());
        Assert.Contains("No records were found on the topics", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(ReportCommandTests.ExternalReference(), html);
    }

    [Fact]
    public void Build_HostileNamesInEveryField_AreEscaped()
    {
        var data = new ReportData();
        var model = ReportRecords.Json(Hostile);
        ReportRecordParser.AddMetric(data, "m", Bytes(ReportRecords.Psi(Hostile, Hostile, 0, 0.3, 0.2, 0.4, drifted: true)));
        ReportRecordParser.AddLedger(data, "l", Bytes(ReportRecords.Release(Hostile, 0)));
        ReportRecordParser.AddLedger(data, "l", Bytes(ReportRecords.Budget(Hostile)));
        ReportRecordParser.AddAlert(data, "a", Bytes(ReportRecords.ProbingAlert(Hostile).Replace("client-7f3a9c", Hostile.Replace("\"", "\\\"", StringComparison.Ordinal), StringComparison.Ordinal)));
        ReportRecordParser.AddSanitized(data, "s", Bytes($"{{\"model\":{{\"name\":{model},\"version\":\"1\"}},\"sanitization\":{{\"policy_version\":{model},\"redaction_counts\":{{{model}:2}}}}}}"), featureEvents: false);

        var html = PrivacyReportHtml.Build(data, new ReportSettings { Source = Hostile });

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror=alert(1)>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(ReportCommandTests.ExternalReference(), html);
        Assert.Empty(data.Unreadable);
    }

    [Fact]
    public void Parse_ReplayedMetricAndUnknownLedgerKind_CountOnceAndAreIgnored()
    {
        var data = new ReportData();
        var psi = Bytes(ReportRecords.Psi("m", "age", 0, 0.3, 0.2, 0.4, drifted: true));
        ReportRecordParser.AddMetric(data, "m", psi);
        ReportRecordParser.AddMetric(data, "m", psi);
        ReportRecordParser.AddLedger(data, "l", Bytes("{\"kind\":\"audit\",\"seq\":7}"));
        ReportRecordParser.AddLedger(data, "l", Bytes("{\"kind\":\"release\"}"));

        Assert.Single(data.Metrics);
        Assert.Empty(data.Releases);
        Assert.Equal(2, data.RecordsRead["l"]);
        Assert.Equal(1, data.Unreadable["l"]);
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
