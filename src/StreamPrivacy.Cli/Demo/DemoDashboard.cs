using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace StreamPrivacy.Cli.Demo;

/// <summary>Renders the demo's live view and final summary with Spectre.Console.</summary>
internal static class DemoDashboard
{
    public static IRenderable Live(DemoSnapshot s, string bootstrap)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]StreamPrivacy demo[/] · embedded Kafka {Markup.Escape(bootstrap)} · {s.Elapsed.TotalSeconds:0.0}s");
        table.AddColumn("stage / topic");
        table.AddColumn(new TableColumn("records").RightAligned());
        table.AddColumn(new TableColumn("note").LeftAligned());
        table.AddRow("generator → raw topics", N(s.Generated), "synthetic inference + feature events (PII in free text)");
        table.AddRow("sanitize: consumed", N(s.Consumed), $"{s.ConsumedPerSecond.ToString("N0", CultureInfo.InvariantCulture)} rec/s");
        table.AddRow("  → sanitized out", N(s.Sanitized), "consent ok, minimised, PII redacted, subjects pseudonymised");
        table.AddRow("  PII values redacted", N(s.RedactionsByEntity.Values.Sum()), Reasons(s.RedactionsByEntity));
        table.AddRow("  dropped: no consent", N(s.DroppedForConsent), "'monitoring' purpose missing");
        table.AddRow("  rejected → dead letter", N(s.Rejected), Reasons(s.RejectedByReason));
        table.AddRow("release: windows released", N(s.WindowsReleased), "per stream and 2 s window, discrete Laplace noise, ledger first");
        table.AddRow("  → metric records", N(s.MetricsReleased), "ml.metrics: DP histograms and drift metrics with error bars");
        table.AddRow("  → drift alerts", N(s.DriftAlerts), "ml.alerts.drift (drift is injected half way)");
        return table;
    }

    public static IRenderable Summary(DemoSnapshot s, IReadOnlyDictionary<string, long> onTopics, SanitizedTopicAudit.Result audit)
    {
        var table = new Table().Border(TableBorder.Heavy).Title("[bold green]Summary[/]");
        table.AddColumn("measure");
        table.AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("run time", $"{s.Elapsed.TotalSeconds:0.0} s");
        table.AddRow("events generated", N(s.Generated));
        table.AddRow("consumed by sanitize", N(s.Consumed));
        table.AddRow("sanitized out", N(s.Sanitized));
        table.AddRow("dropped for consent", N(s.DroppedForConsent));
        table.AddRow("rejected or withheld (dead-lettered, encrypted)", N(s.Rejected));
        table.AddRow("  withheld by post-redaction verification", N(s.Withheld));
        foreach (var (reason, count) in s.RejectedByReason.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            table.AddRow($"  {reason}", N(count));
        }

        foreach (var (entity, count) in s.RedactionsByEntity.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            table.AddRow($"redacted {Markup.Escape(entity)}", N(count));
        }

        table.AddRow("sanitize throughput (average)", $"{(s.Consumed / Math.Max(0.001, s.Elapsed.TotalSeconds)).ToString("N0", CultureInfo.InvariantCulture)} rec/s");
        foreach (var (topic, count) in onTopics.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            table.AddRow($"records on {Markup.Escape(topic)}", N(count));
        }

        table.AddRow("sanitized records re-scanned for PII", N(audit.Scanned));
        table.AddRow("PII found on sanitized topics", audit.Leaks == 0 ? "[green]0[/]" : $"[red]{N(audit.Leaks)}[/]");
        var balanced = s.Consumed == s.Sanitized + s.DroppedForConsent + s.Rejected;
        table.AddRow("every consumed record accounted for", balanced ? "[green]yes[/]" : "[red]no[/]");
        return table;
    }

    public static IRenderable Drift(int windows, IReadOnlyList<Core.Privacy.BudgetLedgerRecord> budgets, IReadOnlyList<string> alerts)
    {
        var table = new Table().Border(TableBorder.Heavy).Title("[bold green]Drift under differential privacy, and leakage[/]");
        table.AddColumn("measure");
        table.AddColumn(new TableColumn("value").LeftAligned());
        table.AddRow("windows released (stream × window)", N(windows));
        foreach (var budget in budgets)
        {
            var spent = Core.Privacy.Rational.Parse(budget.EpsilonSpent).ToDouble();
            table.AddRow($"ε spent by {Markup.Escape(budget.Stream)}", $"{spent.ToString("0.##", CultureInfo.InvariantCulture)} in {budget.Charges} windows");
        }

        table.AddRow("alerts (leakage, then drift; raised first)", alerts.Count == 0 ? "[yellow]none[/]" : N(alerts.Count));
        foreach (var alert in alerts.Take(12))
        {
            table.AddRow(string.Empty, Markup.Escape(alert));
        }

        if (alerts.Count > 12)
        {
            table.AddRow(string.Empty, $"… and {alerts.Count - 12} more on the alert topics");
        }

        return table;
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Reasons(IReadOnlyDictionary<string, long> reasons) =>
        reasons.Count == 0 ? string.Empty : Markup.Escape(string.Join(", ", reasons.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value}")));
}
