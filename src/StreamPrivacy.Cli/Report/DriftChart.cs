using System.Text;
using static StreamPrivacy.Cli.Report.HtmlText;

namespace StreamPrivacy.Cli.Report;

/// <summary>
/// An inline SVG chart of one drift metric of one feature over time: one point per released window
/// with its 90 % interval as an error bar, the threshold as a dashed line, drifted windows shaded and
/// drawn red. Each point has a tooltip (SVG title); no script.
/// </summary>
internal static class DriftChart
{
    private const double Width = 720, Height = 200, Left = 56, Right = 704, Top = 14, Bottom = 168;

    /// <summary>The chart for <paramref name="points"/> (one metric of one feature, any order).</summary>
    public static string Render(IReadOnlyList<MetricPoint> points, double threshold, string label)
    {
        var sorted = points.OrderBy(p => p.WindowStart).ToList();
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"chart\" viewBox=\"0 0 {Px(Width)} {Px(Height)}\" width=\"{Px(Width)}\" height=\"{Px(Height)}\" role=\"img\"><title>{E(label)}</title>");
        if (sorted.Count == 0)
        {
            svg.Append($"<text x=\"{Px(Left)}\" y=\"{Px(Top + 20)}\" font-size=\"12\">no released windows</text></svg>");
            return svg.ToString();
        }

        var top = Math.Max(threshold * 1.5, sorted.Max(p => Math.Max(p.Value, p.High ?? p.Value))) * 1.1;
        var bottom = Math.Min(0, sorted.Min(p => Math.Min(p.Value, p.Low ?? p.Value)));
        double Y(double v) => Bottom - ((v - bottom) / (top - bottom) * (Bottom - Top));
        // Each window spans its own interval on the time axis; its point sits in the middle.
        var first = sorted[0].WindowStart;
        var last = sorted.Max(p => p.WindowEnd);
        var scale = new TimeScale(first, last > first ? last : first.AddSeconds(1), Left + 4, Right - 4);
        double Mid(MetricPoint p) => scale.X(p.WindowStart + ((p.WindowEnd - p.WindowStart) / 2));

        // Drifted windows: a shaded band over the window.
        foreach (var p in sorted.Where(p => p.Drifted))
        {
            var x0 = Math.Min(scale.X(p.WindowStart), Mid(p) - 3);
            var x1 = Math.Max(scale.X(p.WindowEnd), Mid(p) + 3);
            svg.Append($"<rect x=\"{Px(x0)}\" y=\"{Px(Top)}\" width=\"{Px(x1 - x0)}\" height=\"{Px(Bottom - Top)}\" fill=\"#fde2e1\"/>");
        }

        // Axes, ticks and the threshold.
        svg.Append($"<line x1=\"{Px(Left)}\" y1=\"{Px(Bottom)}\" x2=\"{Px(Right)}\" y2=\"{Px(Bottom)}\" stroke=\"#888\"/>");
        svg.Append($"<line x1=\"{Px(Left)}\" y1=\"{Px(Top)}\" x2=\"{Px(Left)}\" y2=\"{Px(Bottom)}\" stroke=\"#888\"/>");
        var ty = Y(threshold);
        foreach (var tick in new[] { bottom, top / 1.1 }.Distinct().Where(t => Math.Abs(Y(t) - ty) >= 12))
        {
            svg.Append($"<text x=\"{Px(Left - 6)}\" y=\"{Px(Y(tick) + 4)}\" font-size=\"11\" text-anchor=\"end\" fill=\"#555\">{E(Value(tick))}</text>");
        }

        svg.Append($"<line class=\"threshold\" x1=\"{Px(Left)}\" y1=\"{Px(ty)}\" x2=\"{Px(Right)}\" y2=\"{Px(ty)}\" stroke=\"#c0392b\" stroke-dasharray=\"6 4\"/>");
        svg.Append($"<text x=\"{Px(Left - 6)}\" y=\"{Px(ty + 4)}\" font-size=\"11\" text-anchor=\"end\" fill=\"#c0392b\">{E(Value(threshold))}</text>");
        svg.Append($"<text x=\"{Px(Left)}\" y=\"{Px(Bottom + 16)}\" font-size=\"11\" fill=\"#555\">{E(Clock(first))}</text>");
        svg.Append($"<text x=\"{Px(Right)}\" y=\"{Px(Bottom + 16)}\" font-size=\"11\" text-anchor=\"end\" fill=\"#555\">{E(Clock(last))}</text>");

        svg.Append($"<text x=\"{Px((Left + Right) / 2)}\" y=\"{Px(Bottom + 28)}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#555\">windows (UTC); bars: 90 % interval; dashed: threshold; shaded: drifted</text>");

        // The line through the released values, then error bars and points on top.
        var line = string.Join(' ', sorted.Select(p => $"{Px(Mid(p))},{Px(Y(p.Value))}"));
        svg.Append($"<polyline points=\"{line}\" fill=\"none\" stroke=\"#7f8c8d\" stroke-width=\"1\"/>");
        foreach (var p in sorted)
        {
            var x = Mid(p);
            var color = p.Drifted ? "#c0392b" : "#2c6fbb";
            if (p.Low is { } low && p.High is { } high)
            {
                svg.Append($"<g class=\"errorbar\" stroke=\"{color}\"><line x1=\"{Px(x)}\" y1=\"{Px(Y(low))}\" x2=\"{Px(x)}\" y2=\"{Px(Y(high))}\"/>");
                svg.Append($"<line x1=\"{Px(x - 3)}\" y1=\"{Px(Y(low))}\" x2=\"{Px(x + 3)}\" y2=\"{Px(Y(low))}\"/><line x1=\"{Px(x - 3)}\" y1=\"{Px(Y(high))}\" x2=\"{Px(x + 3)}\" y2=\"{Px(Y(high))}\"/></g>");
            }

            var interval = p.Low is { } l && p.High is { } h ? $" [{Value(l)}, {Value(h)}]" : string.Empty;
            var tip = $"{Time(p.WindowStart)} – {Clock(p.WindowEnd)}: {p.Metric} = {Value(p.Value)}{interval}{(p.Drifted ? " (drifted)" : string.Empty)}";
            svg.Append($"<circle class=\"{(p.Drifted ? "point drifted" : "point")}\" cx=\"{Px(x)}\" cy=\"{Px(Y(p.Value))}\" r=\"3.5\" fill=\"{color}\"><title>{E(tip)}</title></circle>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }
}
