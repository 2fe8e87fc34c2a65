using System.Text;
using static StreamPrivacy.Cli.Report.HtmlText;

namespace StreamPrivacy.Cli.Report;

/// <summary>One model's part of the report: model-card summary, drift per feature, budget, redactions, alerts.</summary>
internal static class ModelSection
{
    private static readonly string[] TableMetrics = ["psi", "js", "ks", "wasserstein_norm", "chi2_p"];

    /// <summary>Appends the section of <paramref name="model"/> with the element id <paramref name="id"/>.</summary>
    public static void Append(StringBuilder html, ReportData data, ReportSettings settings, ModelKey model, string id)
    {
        var metrics = data.Metrics.Where(p => p.Stream.ModelKey == model).ToList();
        var releases = data.Releases.Where(r => r.Stream.ModelKey == model).OrderBy(r => r.WindowStart).ToList();
        var budgets = data.Budgets.Where(b => b.Stream.ModelKey == model).OrderBy(b => b.Stream.FeatureSet, StringComparer.Ordinal).ThenBy(b => b.PeriodStart).ToList();
        var alerts = data.Alerts.Where(a => a.Model == model).OrderBy(a => a.At).ToList();
        var tally = data.Sanitized.GetValueOrDefault(model);
        html.Append($"<section class=\"model\" id=\"{E(id)}\"><h2>Model {E(model.Display)}</h2>\n");
        ModelCard.Append(html, model, tally, releases, budgets, metrics, alerts);

        html.Append("<h3>Drift per feature</h3>\n");
        if (metrics.Count == 0)
        {
            html.Append("<p class=\"note\">No drift metrics released for this model.</p>\n");
        }

        foreach (var stream in metrics.GroupBy(p => p.Stream.FeatureSet, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Drift(html, settings, stream.Key, [.. stream], alerts);
        }

        Budget(html, settings, budgets, alerts);
        Redactions(html, tally);
        Alerts(html, settings, alerts);
        html.Append("</section>\n");
    }

    private static void Drift(StringBuilder html, ReportSettings settings, string featureSet, List<MetricPoint> points, List<AlertEntry> alerts)
    {
        html.Append($"<h4>Feature set {E(featureSet)}</h4>\n");
        var features = points.GroupBy(p => p.Feature, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        html.Append("<table><tr><th>feature</th><th>type</th><th>windows</th><th>drifted</th><th>latest window</th>");
        foreach (var metric in TableMetrics)
        {
            html.Append($"<th>{metric} [90 % interval]</th>");
        }

        html.Append("</tr>\n");
        foreach (var feature in features)
        {
            var windows = feature.Select(p => p.ReleaseId).Distinct(StringComparer.Ordinal).Count();
            var drifted = feature.Where(p => p.Drifted).Select(p => p.ReleaseId).Distinct(StringComparer.Ordinal).Count();
            var latestStart = feature.Max(p => p.WindowStart);
            var latest = feature.Where(p => p.WindowStart == latestStart).ToList();
            var drift = latest.Any(p => p.Drifted);
            html.Append($"<tr><td>{E(feature.Key)}</td><td>{E(feature.First().FeatureType)}</td><td class=\"num\">{Count(windows)}</td><td class=\"num\">{Count(drifted)}</td>");
            html.Append($"<td{(drift ? " class=\"drifted\"" : string.Empty)}>{E(Time(latestStart))}{(drift ? " (drifted)" : string.Empty)}</td>");
            foreach (var metric in TableMetrics)
            {
                var p = latest.FirstOrDefault(x => x.Metric == metric);
                var cell = p is null ? "–" : p.Low is { } l && p.High is { } h ? $"{Value(p.Value)} [{Value(l)}, {Value(h)}]" : Value(p.Value);
                html.Append($"<td class=\"num\">{E(cell)}</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</table>\n");
        foreach (var feature in features)
        {
            var psi = feature.Where(p => p.Metric == "psi").ToList();
            if (psi.Count == 0)
            {
                continue;
            }

            var threshold = alerts.Where(a => a.Type == "drift" && a.Metric == "psi" && a.FeatureSet == featureSet && a.FieldPath == FieldPath(feature.Key) && a.Threshold is not null)
                .Select(a => a.Threshold).FirstOrDefault() ?? settings.PsiThreshold;
            var drifted = psi.Count(p => p.Drifted);
            var caption = $"{feature.Key} ({feature.First().FeatureType}): psi per window, {psi.Count} windows, {drifted} drifted, threshold {Value(threshold)}";
            html.Append($"<figure><figcaption>{E(caption)}</figcaption>{DriftChart.Render(psi, threshold, $"psi of {feature.Key} per window")}</figure>\n");
        }
    }

    private static void Budget(StringBuilder html, ReportSettings settings, List<BudgetEntry> budgets, List<AlertEntry> alerts)
    {
        html.Append("<h3>Privacy budget per period</h3>\n");
        if (budgets.Count == 0)
        {
            html.Append("<p class=\"note\">No budget spend recorded for this model.</p>\n");
            return;
        }

        var rows = new List<(string, double, double, bool, string)>();
        foreach (var b in budgets)
        {
            var epsilon = ToDouble(b.EpsilonSpent);
            var rho = ToDouble(b.RhoSpent);
            var useRho = epsilon == 0 && rho > 0;
            var alertBudget = alerts.Where(a => a.EpsilonBudget is > 0 && a.FeatureSet == b.Stream.FeatureSet).Select(a => a.EpsilonBudget).FirstOrDefault();
            var budget = useRho ? settings.RhoPerPeriod : alertBudget ?? settings.EpsilonPerPeriod;
            rows.Add(($"{b.Stream.FeatureSet} · {b.PeriodStart.UtcDateTime:yyyy-MM-dd HH:mm}", useRho ? rho : epsilon, budget, b.Stopped, useRho ? "ρ" : "ε"));
        }

        html.Append(BarChart.Budget(rows, "privacy budget spent per period"));
        html.Append("\n<table><tr><th>feature set</th><th>period start</th><th>ε spent (exact)</th><th>ρ spent (exact)</th><th>releases charged</th><th>stopped</th></tr>\n");
        foreach (var b in budgets)
        {
            html.Append($"<tr><td>{E(b.Stream.FeatureSet)}</td><td>{E(Time(b.PeriodStart))}</td><td>{E(Exact(b.EpsilonSpent))}</td><td>{E(Exact(b.RhoSpent))}</td><td class=\"num\">{Count(b.Charges)}</td><td>{(b.Stopped ? "<span class=\"raised\">yes</span>" : "no")}</td></tr>\n");
        }

        html.Append("</table>\n<p class=\"note\">Budget: a budget alert's own figure where there is one, else the configured per-period budget.</p>\n");
    }

    private static void Redactions(StringBuilder html, SanitizedTally? tally)
    {
        html.Append("<h3>Redactions by entity type</h3>\n");
        if (tally is null || tally.Redactions.Count == 0)
        {
            html.Append("<p class=\"note\">No redactions recorded on the sanitized topics for this model.</p>\n");
            return;
        }

        var rows = tally.Redactions.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value)).ToList();
        html.Append(BarChart.Counts(rows, "redactions by entity type"));
        html.Append("\n<table><tr><th>entity type</th><th>redactions</th></tr>\n");
        foreach (var (entity, count) in rows)
        {
            html.Append($"<tr><td>{E(entity)}</td><td class=\"num\">{Count(count)}</td></tr>\n");
        }

        html.Append($"</table>\n<p class=\"note\">{Count(tally.EventsWithRedactions)} of {Count(tally.InferenceEvents + tally.FeatureEvents)} sanitized events had at least one redaction; counts from each event's <code>sanitization.redaction_counts</code>.</p>\n");
    }

    private static void Alerts(StringBuilder html, ReportSettings settings, List<AlertEntry> alerts)
    {
        html.Append("<h3>Alerts</h3>\n");
        html.Append(AlertTimeline.Render(alerts, "alerts over time"));
        html.Append("\n<p class=\"note\">Filled markers: raised; hollow: resolved.</p>\n");
        if (alerts.Count == 0)
        {
            return;
        }

        html.Append("<table><tr><th>time</th><th>state</th><th>type</th><th>severity</th><th>feature set</th><th>details</th></tr>\n");
        foreach (var a in alerts.Take(settings.MaxAlertRows))
        {
            var kind = a.Type == "drift" ? "drift" : $"leakage: {a.Kind}";
            html.Append($"<tr><td>{E(a.At is { } at ? Time(at) : "–")}</td><td class=\"{(a.State == "raised" ? "raised" : "resolved")}\">{E(a.State)}</td><td>{E(kind)}</td><td>{E(a.Severity)}</td><td>{E(a.FeatureSet)}</td><td>{E(AlertText.Describe(a))}</td></tr>\n");
        }

        html.Append("</table>\n");
        if (alerts.Count > settings.MaxAlertRows)
        {
            html.Append($"<p class=\"note\">{Count(alerts.Count - settings.MaxAlertRows)} more alerts are on the timeline but not listed.</p>\n");
        }
    }

    // The field path drift alerts name a feature by (see AlertMessage).
    private static string FieldPath(string feature) => feature switch
    {
        "prediction.score" or "prediction.label" or "label" => "$." + feature,
        _ => "$.features['" + feature.Replace("'", "\\'", StringComparison.Ordinal) + "']",
    };
}
