using System.Text;
using static StreamPrivacy.Cli.Report.HtmlText;

namespace StreamPrivacy.Cli.Report;

/// <summary>
/// Builds the privacy report: one self-contained HTML document (inline CSS and SVG, no script, no
/// external resources) from parsed topic records. Every text is HTML-escaped. It shows names, counts,
/// DP-noised metric values and pseudonymous client ids only; it never receives raw event values.
/// </summary>
internal static class PrivacyReportHtml
{
    /// <summary>The document title (also the first heading).</summary>
    public const string Title = "StreamPrivacy privacy report";

    private const string Css = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px auto; max-width: 1040px; color: #1f2933; padding: 0 16px; }
        h1 { font-size: 26px; margin-bottom: 4px; }
        h2 { font-size: 21px; border-bottom: 2px solid #d9dee4; padding-bottom: 4px; margin-top: 36px; }
        h3 { font-size: 17px; margin-top: 24px; }
        h4 { font-size: 15px; margin: 16px 0 4px; }
        .meta, .note, figcaption { color: #52606d; font-size: 13px; }
        table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; }
        th, td { border: 1px solid #d9dee4; padding: 4px 8px; text-align: left; vertical-align: top; }
        th { background: #f3f5f7; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        dl.card { display: grid; grid-template-columns: 260px 1fr; gap: 4px 16px; font-size: 14px; background: #f8fafc; border: 1px solid #d9dee4; padding: 12px 16px; }
        dl.card dt { font-weight: 600; }
        dl.card dd { margin: 0; }
        figure { margin: 8px 0 16px; }
        svg.chart { display: block; max-width: 100%; height: auto; }
        .raised { color: #b03a2e; font-weight: 600; }
        .resolved { color: #1e8449; }
        .drifted { color: #b03a2e; font-weight: 600; }
        section.model { margin-top: 48px; }
        """;

    /// <summary>The report for <paramref name="data"/>.</summary>
    public static string Build(ReportData data, ReportSettings settings)
    {
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append($"<title>{E(Title)}</title>\n<style>\n{Css}\n</style>\n</head>\n<body>\n");
        html.Append($"<header><h1>{E(Title)}</h1>\n<p class=\"meta\">Generated {E(Time(settings.GeneratedAt))}");
        if (settings.Source.Length > 0)
        {
            html.Append($" from {E(settings.Source)}");
        }

        html.Append(". Built only from the pipeline's output topics: DP-noised metrics, the release ledger, alerts, and the sanitized topics' redaction counters.</p></header>\n");
        var models = data.Models();
        Overview(html, data, models);
        Handling(html, settings);
        for (var i = 0; i < models.Count; i++)
        {
            ModelSection.Append(html, data, settings, models[i], "model-" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        html.Append("<footer><p class=\"note\">This file is self-contained: no scripts, no external resources. It contains names, counts, DP-noised metric values and pseudonymous client ids only.</p></footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Overview(StringBuilder html, ReportData data, IReadOnlyList<ModelKey> models)
    {
        html.Append("<section id=\"overview\"><h2>Overview</h2>\n");
        if (models.Count == 0)
        {
            html.Append("<p>No records were found on the topics: nothing was released, alerted or sanitized yet.</p>\n");
        }
        else
        {
            html.Append("<table><tr><th>model</th><th>events sanitized</th><th>redactions</th><th>windows released</th><th>drifted windows</th><th>alerts raised (drift / leakage)</th></tr>\n");
            for (var i = 0; i < models.Count; i++)
            {
                var m = models[i];
                var tally = data.Sanitized.GetValueOrDefault(m);
                var releases = data.Releases.Count(r => r.Stream.ModelKey == m);
                var drifted = data.Metrics.Where(p => p.Stream.ModelKey == m && p.Drifted).Select(p => p.ReleaseId).Distinct().Count();
                var alerts = data.Alerts.Where(a => a.Model == m && a.State == "raised").ToList();
                html.Append($"<tr><td><a href=\"#model-{i + 1}\">{E(m.Display)}</a></td><td class=\"num\">{Count((tally?.InferenceEvents ?? 0) + (tally?.FeatureEvents ?? 0))}</td>");
                html.Append($"<td class=\"num\">{Count(tally?.Redactions.Values.Sum() ?? 0)}</td><td class=\"num\">{Count(releases)}</td><td class=\"num\">{Count(drifted)}</td>");
                html.Append($"<td class=\"num\">{Count(alerts.Count(a => a.Type == "drift"))} / {Count(alerts.Count(a => a.Type != "drift"))}</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        html.Append("<table><tr><th>topic</th><th>records read</th><th>unreadable (skipped)</th></tr>\n");
        foreach (var (topic, count) in data.RecordsRead)
        {
            html.Append($"<tr><td>{E(topic)}</td><td class=\"num\">{Count(count)}</td><td class=\"num\">{Count(data.Unreadable.GetValueOrDefault(topic))}</td></tr>\n");
        }

        html.Append("</table>\n<p class=\"note\">Counts are of the records the topics retain now (retention and compaction may have removed older ones); replayed releases and alerts count once.</p>\n</section>\n");
    }

    private static void Handling(StringBuilder html, ReportSettings settings)
    {
        html.Append("<section id=\"handling\"><h2>How the data was handled</h2>\n<ul>\n");
        html.Append("<li><strong>Sanitization.</strong> Raw inference and feature events are consumed once; events without the required consent purpose are dropped and counted; fields the policy does not allow are removed (minimisation); PII is redacted by field rules and free-text detection; subject ids are replaced by keyed pseudonyms; a second, independent scan verifies each event before it is written to the sanitized topics.</li>\n");
        html.Append("<li><strong>Unit of privacy.</strong> A data subject within a window. Each subject contributes at most <em>k</em> records per stream and window (the contribution bound); numeric values fall into fixed bins from the reference profile, so one subject changes the released counts by at most <em>k</em> (the L1 sensitivity).</li>\n");
        html.Append("<li><strong>Differential privacy.</strong> Every released histogram count gets exact discrete Laplace (ε-DP, scale k/ε) or discrete Gaussian (ρ-zCDP) noise from a cryptographic stream; drift metrics are computed from the noisy counts. The ε of all features of a stream in a window add up (the window charge), and the charges of a budget period add up; ");
        html.Append($"when a stream's budget (configured: ε {E(Value(settings.EpsilonPerPeriod))} or ρ {E(Value(settings.RhoPerPeriod))} per {E(Duration(settings.BudgetPeriod))}) is spent, it stops releasing until the period rolls over and a budget_exhausted alert says so.</li>\n");
        html.Append("<li><strong>Error bars.</strong> Each drift metric carries a 90 % interval: the released counts re-noised 100 times at the same scale, the metric computed on each copy, the 5th–95th percentile. It shows how much noise of this scale moves the metric around the released value (a parametric-bootstrap-style spread, not a confidence interval for the true value); it is post-processing and costs no ε. Wide bars mean small windows.</li>\n");
        html.Append("<li><strong>Never stored, never shown.</strong> Detected PII (free text, contact data, network addresses, …) and subject ids never leave the raw topics in clear: the sanitized topics hold minimised, redacted events with keyed pseudonyms. Metrics and the ledger hold DP-noised released counts and metrics only, never per-event values; dead letters hold metadata and an encrypted payload; logs hold no values. This report shows no event values at all: names, counts, DP-noised metric values and pseudonymous client ids (probing alerts) only.</li>\n");
        html.Append("</ul>\n</section>\n");
    }
}
