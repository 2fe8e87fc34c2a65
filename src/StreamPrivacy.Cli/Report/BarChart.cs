using System.Text;
using static StreamPrivacy.Cli.Report.HtmlText;

namespace StreamPrivacy.Cli.Report;

/// <summary>Inline SVG horizontal bar charts: counts (redactions) and spend against a budget.</summary>
internal static class BarChart
{
    private const double Width = 720, LabelWidth = 230, BarLeft = 240, BarRight = 560, Row = 22;

    /// <summary>One bar per row, scaled to the largest value; the value is printed after the bar.</summary>
    public static string Counts(IReadOnlyList<(string Label, long Value)> rows, string title)
    {
        var max = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => r.Value));
        var svg = Start(rows.Count, title);
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, value) = rows[i];
            var y = 4 + (i * Row);
            var w = (BarRight - BarLeft) * value / max;
            Label(svg, label, y);
            svg.Append($"<rect class=\"bar\" x=\"{Px(BarLeft)}\" y=\"{Px(y + 3)}\" width=\"{Px(Math.Max(w, 1))}\" height=\"{Px(Row - 8)}\" fill=\"#2c6fbb\"><title>{E(label)}: {E(Count(value))}</title></rect>");
            svg.Append($"<text x=\"{Px(BarLeft + w + 6)}\" y=\"{Px(y + 15)}\" font-size=\"12\">{E(Count(value))}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>
    /// One bar per row: the budget as a grey track, the spend on it (red when the stream stopped or
    /// the spend reached the budget), and "spent of budget (share)" after it.
    /// </summary>
    public static string Budget(IReadOnlyList<(string Label, double Spent, double Budget, bool Stopped, string Unit)> rows, string title)
    {
        var svg = Start(rows.Count, title);
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, spent, budget, stopped, unit) = rows[i];
            var y = 4 + (i * Row);
            var full = Math.Max(budget, spent);
            var track = full <= 0 ? 0 : (BarRight - BarLeft) * budget / full;
            var w = full <= 0 ? 0 : (BarRight - BarLeft) * spent / full;
            var over = stopped || (budget > 0 && spent >= budget);
            var share = budget > 0 ? $" ({Math.Round(100 * spent / budget, 1).ToString(System.Globalization.CultureInfo.InvariantCulture)} %)" : string.Empty;
            var text = $"{unit} {Value(spent)} of {Value(budget)}{share}{(stopped ? ", stopped" : string.Empty)}";
            Label(svg, label, y);
            svg.Append($"<rect x=\"{Px(BarLeft)}\" y=\"{Px(y + 3)}\" width=\"{Px(track)}\" height=\"{Px(Row - 8)}\" fill=\"#e5e7eb\"/>");
            svg.Append($"<rect class=\"bar\" x=\"{Px(BarLeft)}\" y=\"{Px(y + 3)}\" width=\"{Px(Math.Max(w, 1))}\" height=\"{Px(Row - 8)}\" fill=\"{(over ? "#c0392b" : "#2c6fbb")}\"><title>{E(label)}: {E(text)}</title></rect>");
            svg.Append($"<line x1=\"{Px(BarLeft + track)}\" y1=\"{Px(y)}\" x2=\"{Px(BarLeft + track)}\" y2=\"{Px(y + Row - 2)}\" stroke=\"#333\"/>");
            svg.Append($"<text x=\"{Px(BarRight + 8)}\" y=\"{Px(y + 15)}\" font-size=\"12\">{E(text)}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Start(int rows, string title)
    {
        var height = 8 + (Math.Max(rows, 1) * Row);
        return new StringBuilder($"<svg class=\"chart\" viewBox=\"0 0 {Px(Width)} {Px(height)}\" width=\"{Px(Width)}\" height=\"{Px(height)}\" role=\"img\"><title>{E(title)}</title>");
    }

    private static void Label(StringBuilder svg, string label, double y)
    {
        var shown = label.Length > 34 ? label[..33] + "…" : label;
        svg.Append($"<text x=\"{Px(LabelWidth)}\" y=\"{Px(y + 15)}\" font-size=\"12\" text-anchor=\"end\">{E(shown)}</text>");
    }
}
