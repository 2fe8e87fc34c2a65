using System.Text;
using static StreamPrivacy.Cli.Report.HtmlText;

namespace StreamPrivacy.Cli.Report;

/// <summary>
/// An inline SVG timeline of alerts: one lane for drift, one for leakage; raised alerts are filled
/// markers, resolved ones hollow. Each marker has a tooltip with the alert's description.
/// </summary>
internal static class AlertTimeline
{
    private const double Width = 720, Height = 100, Left = 80, Right = 704, Axis = 78;

    /// <summary>The timeline of <paramref name="alerts"/> (those without a time are left out).</summary>
    public static string Render(IReadOnlyList<AlertEntry> alerts, string title)
    {
        var timed = alerts.Where(a => a.At is not null).OrderBy(a => a.At).ToList();
        var svg = new StringBuilder($"<svg class=\"chart timeline\" viewBox=\"0 0 {Px(Width)} {Px(Height)}\" width=\"{Px(Width)}\" height=\"{Px(Height)}\" role=\"img\"><title>{E(title)}</title>");
        var lanes = new[] { ("drift", 26.0, "#d35400"), ("leakage", 54.0, "#8e44ad") };
        foreach (var (name, y, color) in lanes)
        {
            svg.Append($"<text x=\"{Px(Left - 10)}\" y=\"{Px(y + 4)}\" font-size=\"12\" text-anchor=\"end\" fill=\"{color}\">{name}</text>");
            svg.Append($"<line x1=\"{Px(Left)}\" y1=\"{Px(y)}\" x2=\"{Px(Right)}\" y2=\"{Px(y)}\" stroke=\"#eee\"/>");
        }

        svg.Append($"<line x1=\"{Px(Left)}\" y1=\"{Px(Axis - 8)}\" x2=\"{Px(Right)}\" y2=\"{Px(Axis - 8)}\" stroke=\"#888\"/>");
        if (timed.Count == 0)
        {
            return svg.Append($"<text x=\"{Px(Left)}\" y=\"{Px(Axis + 12)}\" font-size=\"11\" fill=\"#555\">no alerts</text></svg>").ToString();
        }

        var first = timed[0].At!.Value;
        var last = timed[^1].At!.Value;
        var scale = new TimeScale(first, last, Left + 8, Right - 8);
        svg.Append($"<text x=\"{Px(Left)}\" y=\"{Px(Axis + 12)}\" font-size=\"11\" fill=\"#555\">{E(Time(first))}</text>");
        if (last != first)
        {
            svg.Append($"<text x=\"{Px(Right)}\" y=\"{Px(Axis + 12)}\" font-size=\"11\" text-anchor=\"end\" fill=\"#555\">{E(Time(last))}</text>");
        }

        // Alerts at the same place (e.g. several features drifting in one window) share a marker; say how many.
        foreach (var group in timed.GroupBy(a => (a.Type == "drift", a.State, Math.Round(scale.X(a.At!.Value)))).Where(g => g.Count() > 1))
        {
            var (drift, _, x) = group.Key;
            var y = drift ? lanes[0].Item2 : lanes[1].Item2;
            svg.Append($"<text x=\"{Px(x)}\" y=\"{Px(y - 8)}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#333\">×{group.Count()}</text>");
        }

        foreach (var alert in timed)
        {
            var (_, y, color) = alert.Type == "drift" ? lanes[0] : lanes[1];
            var raised = alert.State == "raised";
            var fill = raised ? color : "#fff";
            var tip = $"{Time(alert.At!.Value)} {AlertText.Describe(alert)}";
            svg.Append($"<circle class=\"alert {E(alert.State)}\" cx=\"{Px(scale.X(alert.At!.Value))}\" cy=\"{Px(y)}\" r=\"5\" fill=\"{fill}\" stroke=\"{color}\" stroke-width=\"2\" fill-opacity=\"0.8\"><title>{E(tip)}</title></circle>");
        }

        return svg.Append("</svg>").ToString();
    }
}
