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

    /// <summary>Reads a number written by <see cref="DriftJson.WriteNumber"/> (null when absent or null).</summary>
    public static double? ReadNumber(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
