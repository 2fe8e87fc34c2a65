using System.Globalization;
using System.Net;
using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Cli.Report;

/// <summary>Escaping and invariant formatting for the report: every text that reaches the HTML goes through <see cref="E"/>.</summary>
internal static class HtmlText
{
    /// <summary>HTML-escapes text (also quotes, so it is safe in attribute values).</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>A metric value for display (4 significant digits).</summary>
    public static string Value(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>A count with thousands separators.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>An SVG coordinate.</summary>
    public static string Px(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A UTC time, seconds precision.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A UTC time of day, for axis labels.</summary>
    public static string Clock(DateTimeOffset time) => time.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A duration in its largest whole unit, e.g. <c>24 h</c>, <c>5 min</c>, <c>2 s</c>.</summary>
    public static string Duration(TimeSpan span) => span switch
    {
        { Ticks: <= 0 } => span.ToString(),
        _ when span.Ticks % TimeSpan.TicksPerDay == 0 && span.Days > 1 => $"{span.Days} d",
        _ when span.Ticks % TimeSpan.TicksPerHour == 0 => string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalHours} h"),
        _ when span.Ticks % TimeSpan.TicksPerMinute == 0 => string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalMinutes} min"),
        _ when span.Ticks % TimeSpan.TicksPerSecond == 0 => string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalSeconds} s"),
        _ => span.ToString("c", CultureInfo.InvariantCulture),
    };

    /// <summary>An exact rational from the ledger (<c>1/10</c>) as a double; 0 when it does not parse.</summary>
    public static double ToDouble(string exact)
    {
        try
        {
            return Rational.Parse(exact).ToDouble();
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or DivideByZeroException)
        {
            return 0;
        }
    }

    /// <summary>An exact rational with its decimal value, e.g. <c>1/10 (0.1)</c>.</summary>
    public static string Exact(string exact)
    {
        var value = Value(ToDouble(exact));
        return exact.Contains('/', StringComparison.Ordinal) ? $"{exact} ({value})" : exact;
    }
}
