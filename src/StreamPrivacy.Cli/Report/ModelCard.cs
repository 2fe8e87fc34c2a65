using System.Text;
using static StreamPrivacy.Cli.Report.HtmlText;

namespace StreamPrivacy.Cli.Report;

/// <summary>The model-card style summary of one model: which data the pipeline handled and how.</summary>
internal static class ModelCard
{
    /// <summary>Appends the summary as a definition list.</summary>
    public static void Append(
        StringBuilder html, ModelKey model, SanitizedTally? tally, List<ReleaseEntry> releases, List<BudgetEntry> budgets, List<MetricPoint> metrics, List<AlertEntry> alerts)
    {
        html.Append("<h3>Summary</h3>\n<dl class=\"card\">\n");
        void Row(string term, string escapedValue) => html.Append($"<dt>{E(term)}</dt><dd>{escapedValue}</dd>\n");
        string List(IEnumerable<string> items, string none = "–")
        {
            var all = items.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            return all.Count == 0 ? none : E(string.Join(", ", all));
        }

        Row("model", E(model.Display));
        if (tally is not null)
        {
            var events = tally.InferenceEvents + tally.FeatureEvents;
            Row("events sanitized", $"{Count(events)} ({Count(tally.InferenceEvents)} inference, {Count(tally.FeatureEvents)} feature events)");
            Row("redactions", $"{Count(tally.Redactions.Values.Sum())} in {Count(tally.EventsWithRedactions)} events; {Count(tally.FieldsRemoved)} fields removed by minimisation");
        }
        else
        {
            Row("events sanitized", "none on the sanitized topics");
        }

        Row("consent and sanitization policy", List(tally?.PolicyVersions ?? [], "–") + " (sanitized events); " + List(releases.Select(r => r.PolicyVersion)) + " (releases)");
        Row("streams monitored", List(releases.Select(r => r.Stream.FeatureSet).Concat(metrics.Select(p => p.Stream.FeatureSet))));
        if (releases.Count > 0)
        {
            var lengths = releases.Select(r => r.WindowEnd - r.WindowStart).Distinct().Order().Select(Duration);
            Row("windows released", $"{Count(releases.Count)} from {E(Time(releases[0].WindowStart))} to {E(Time(releases[^1].WindowEnd))} (window length {List(lengths)})");
            Row("noise mechanisms", List(releases.SelectMany(r => r.Mechanisms), "none"));
            Row("ε charged per window", List(releases.Where(r => ToDouble(r.EpsilonCharged) > 0).Select(r => $"{r.Stream.FeatureSet}: {Exact(r.EpsilonCharged)} for {r.Features} features"), "0 (ρ-zCDP releases)"));
            if (releases.Any(r => ToDouble(r.RhoCharged) > 0))
            {
                Row("ρ charged per window", List(releases.Where(r => ToDouble(r.RhoCharged) > 0).Select(r => $"{r.Stream.FeatureSet}: {Exact(r.RhoCharged)}")));
            }

            Row("contribution bound k", List(releases.SelectMany(r => r.Sensitivities).Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                + " (records per subject, stream and window; the L1 sensitivity of each histogram)");
            Row("reference profiles", List(releases.Select(r => r.ReferenceHash)));
        }
        else
        {
            Row("windows released", "none");
        }

        if (budgets.Count > 0)
        {
            Row("budget periods", $"{Count(budgets.Count)}; stopped in {Count(budgets.Count(b => b.Stopped))}");
        }

        var raised = alerts.Where(a => a.State == "raised").ToList();
        Row("alerts raised", $"{Count(raised.Count(a => a.Type == "drift"))} drift, {Count(raised.Count(a => a.Type != "drift"))} leakage ({List(raised.Where(a => a.Type != "drift").Select(a => a.Kind ?? "leakage"), "none")})");
        Row("never stored", "raw values: detected PII and subject ids stay on the raw topics; only redacted events, DP-noised counts and metrics leave the pipeline");
        Row("error bars", "90 % spread of each metric under re-noising at the release's scale (post-processing, no extra ε)");
        html.Append("</dl>\n");
    }
}
