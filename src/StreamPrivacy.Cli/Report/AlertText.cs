using System.Globalization;

namespace StreamPrivacy.Cli.Report;

/// <summary>One-line descriptions of alerts, built from their fields (names, counts, metric values, pseudonymous client ids).</summary>
internal static class AlertText
{
    /// <summary>What the alert says, e.g. <c>raised psi = 0.41 ≥ 0.2 on $.features['age']</c>.</summary>
    public static string Describe(AlertEntry a)
    {
        var parts = new List<string> { a.State, a.Type == "drift" ? "drift" : a.Kind ?? "leakage" };
        if (a.Metric is not null && a.Value is { } value)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{a.Metric} = {HtmlText.Value(value)}"));
            if (a.Threshold is { } threshold)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"(threshold {HtmlText.Value(threshold)})"));
            }
        }

        if (a.FieldPath is not null)
        {
            parts.Add("on " + a.FieldPath);
        }

        if (a.EntityType is not null)
        {
            parts.Add(a.EntityType);
        }

        if (a.Client is not null)
        {
            parts.Add("client " + a.Client);
        }

        if (a.EpsilonSpent is { } spent && a.EpsilonBudget is { } budget && budget > 0)
        {
            parts.Add($"ε {HtmlText.Value(spent)} of {HtmlText.Value(budget)}");
        }
        else if (a.Count is { } count && a.Type != "drift")
        {
            parts.Add(a.Total is { } total ? $"× {HtmlText.Count(count)} of {HtmlText.Count(total)} events" : $"× {HtmlText.Count(count)}");
        }

        return string.Join(' ', parts);
    }
}
