using System.Text.RegularExpressions;

namespace StreamPrivacy.Kafka.Tests.Cli;

/// <summary>
/// <c>streamprivacy report</c>, run as a real process against an embedded cluster holding hand-made
/// metric, ledger, alert and sanitized records; the report is also rendered in headless chromium.
/// </summary>
public sealed partial class ReportCommandTests : IClassFixture<ReportCommandFixture>
{
    private readonly ReportCommandFixture _report;

    public ReportCommandTests(ReportCommandFixture report) => _report = report;

    /// <summary>References that would load something from outside the file.</summary>
    [GeneratedRegex("""(?:src|href)\s*=\s*["']?\s*(?:[a-z]+:)?//|@import|url\s*\(""", RegexOptions.IgnoreCase)]
    internal static partial Regex ExternalReference();

    [Fact]
    public void Report_HandMadeRecords_WritesSelfContainedFileWithCharts()
    {
        Assert.True(_report.ExitCode == 0, _report.Output);
        Assert.Contains("report: " + _report.ReportPath, _report.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(_report.ReportPath));
        var html = _report.Html;
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<title>StreamPrivacy privacy report</title>", html, StringComparison.Ordinal);

        // Charts: psi with error bars and threshold, budget bars, redaction bars, alert timeline.
        Assert.True(Regex.Count(html, "<svg ") >= 4, "expected at least 4 inline SVG charts");
        Assert.Equal(3, Regex.Count(html, "<circle class=\"point"));
        Assert.Equal(1, Regex.Count(html, "<circle class=\"point drifted\""));
        Assert.Equal(3, Regex.Count(html, "<g class=\"errorbar\""));
        Assert.Contains("class=\"threshold\"", html, StringComparison.Ordinal);
        Assert.Contains("ε 0.3 of 30 (1 %)", html, StringComparison.Ordinal);
        Assert.Contains("3/10 (0.3)", html, StringComparison.Ordinal);
        Assert.Contains("<td>PHONE_NUMBER</td><td class=\"num\">6</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>EMAIL_ADDRESS</td><td class=\"num\">3</td>", html, StringComparison.Ordinal);
        Assert.Contains("client client-7f3a9c", html, StringComparison.Ordinal);
        Assert.Contains("<dd>1 (records per subject", html, StringComparison.Ordinal);
        Assert.Contains("inference: 1/10 (0.1) for 1 features", html, StringComparison.Ordinal);

        // Self-contained: no scripts, nothing loaded from elsewhere.
        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Report_HostileModelName_IsEscapedEverywhere()
    {
        Assert.True(_report.ExitCode == 0, _report.Output);
        Assert.Contains("Model &lt;script&gt;alert(1)&lt;/script&gt; 1.0", _report.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(ReportRecords.HostileModel, _report.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_SanitizedPayloadAndUnreadableRecords_NeverShown()
    {
        Assert.True(_report.ExitCode == 0, _report.Output);
        Assert.DoesNotContain(ReportRecords.PayloadValue, _report.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(ReportRecords.PayloadValue, _report.Output, StringComparison.Ordinal);
        Assert.Contains("<td>ml.metrics</td><td class=\"num\">8</td><td class=\"num\">1</td>", _report.Html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Report_RenderedInHeadlessChromium_DomHasTitleChartsAndNoScript()
    {
        Skip.IfNot(File.Exists(HeadlessChromium.Path), "chromium not installed: apt-get install chromium");
        Assert.True(_report.ExitCode == 0, _report.Output);

        var dom = await HeadlessChromium.DumpDomAsync(_report.ReportPath, TimeSpan.FromSeconds(90));

        Assert.Contains("<title>StreamPrivacy privacy report</title>", dom, StringComparison.Ordinal);
        Assert.Contains("<h1>StreamPrivacy privacy report</h1>", dom, StringComparison.Ordinal);
        Assert.True(Regex.Count(dom, "<svg ") >= 4, "the browser's DOM holds the inline SVG charts");
        Assert.Contains("class=\"errorbar\"", dom, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task CheckReportScript_OnReport_PassesInChromium()
    {
        Skip.IfNot(File.Exists(HeadlessChromium.Path), "chromium not installed: apt-get install chromium");
        var script = FindScript();
        Skip.If(script is null, "tests/report/check_report.sh not found above " + AppContext.BaseDirectory);
        Assert.True(_report.ExitCode == 0, _report.Output);

        var info = new System.Diagnostics.ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add(_report.ReportPath);
        info.Environment["REQUIRE_CHROMIUM"] = "1";
        using var process = System.Diagnostics.Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(240));
        await process.WaitForExitAsync(cts.Token);
        var output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, output);
        Assert.Contains("OK: " + _report.ReportPath, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_WithoutBootstrapServers_ExitsTwo()
    {
        var (exit, output) = await CliProcess.RunAsync(TimeSpan.FromSeconds(60), "report", "--output", Path.Combine(Path.GetTempPath(), "never-written.html"));
        Assert.Equal(2, exit);
        Assert.Contains("report needs --bootstrap-servers", output, StringComparison.Ordinal);
    }

    private static string? FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "report", "check_report.sh");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
