using System.Globalization;
using System.Text.Json;
using StreamPrivacy.Core.Drift;
using StreamPrivacy.Core.Windowing;

namespace StreamPrivacy.Kafka.Stages.Drift;

/// <summary>JSON pieces shared by the partials, ledger, metrics and alert formats.</summary>
internal static class JsonFields
{
    /// <summary>ISO-8601 UTC with seven fractional digits (the window id format).</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Parses a time written by <see cref="Time"/>.</summary>
    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>Writes <c>"stream": {model_name, model_version, feature_set}</c>.</summary>
    public static void WriteStream(Utf8JsonWriter json, StreamId stream)
    {
        json.WriteStartObject("stream");
        json.WriteString("model_name", stream.Model);
        json.WriteString("model_version", stream.Version);
        json.WriteString("feature_set", stream.FeatureSet);
        json.WriteEndObject();
    }

    /// <summary>Reads a stream object.</summary>
    public static StreamId ReadStream(JsonElement element) => new(
        element.GetProperty("model_name").GetString()!,
        element.GetProperty("model_version").GetString()!,
        element.GetProperty("feature_set").GetString()!);

    /// <summary>Writes <c>"window": {start, end}</c>.</summary>
    public static void WriteWindow(Utf8JsonWriter json, Window window)
    {
        json.WriteStartObject("window");
        json.WriteString("start", Time(window.Start));
        json.WriteString("end", Time(window.End));
        json.WriteEndObject();
    }

    /// <summary>Reads a window object.</summary>
    public static Window ReadWindow(JsonElement element) =>
        new(ParseTime(element.GetProperty("start").GetString()!), ParseTime(element.GetProperty("end").GetString()!));

    /// <summary>Writes a number, or null when absent or not finite.</summary>
    public static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>Reads a number written by <see cref="WriteNumber"/>.</summary>
    public static double? ReadNumber(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    /// <summary>The wire name of a drift metric (as in the offline command's output).</summary>
    public static string MetricName(DriftMetric metric) => metric switch
    {
        DriftMetric.Psi => "psi",
        DriftMetric.Kl => "kl",
        DriftMetric.Js => "js",
        DriftMetric.Ks => "ks",
        DriftMetric.WassersteinNorm => "wasserstein_norm",
        DriftMetric.Chi2 => "chi2",
        DriftMetric.Chi2P => "chi2_p",
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };

    /// <summary>All drift metrics in wire order.</summary>
    public static IReadOnlyList<DriftMetric> Metrics { get; } =
        [DriftMetric.Psi, DriftMetric.Kl, DriftMetric.Js, DriftMetric.Ks, DriftMetric.WassersteinNorm, DriftMetric.Chi2, DriftMetric.Chi2P];

    /// <summary>Parses a wire metric name.</summary>
    public static DriftMetric ParseMetric(string name) =>
        Metrics.First(m => string.Equals(MetricName(m), name, StringComparison.Ordinal));
}
