using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace StreamPrivacy.Kafka.Configuration;

/// <summary>Reads durations as <c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>24h</c> or <c>hh:mm:ss</c>.</summary>
internal sealed class TimeSpanYamlConverter : IYamlTypeConverter
{
    public bool Accepts(Type type) => type == typeof(TimeSpan);

    public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
    {
        var scalar = parser.Consume<Scalar>();
        return TryParse(scalar.Value, out var value)
            ? value
            : throw new YamlException(scalar.Start, scalar.End, "expected a duration such as 500ms, 30s, 5m, 24h or hh:mm:ss");
    }

    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
        emitter.Emit(new Scalar(((TimeSpan)value!).ToString("c", CultureInfo.InvariantCulture)));

    /// <summary>Parses a duration in the accepted forms.</summary>
    public static bool TryParse(string text, out TimeSpan value)
    {
        text = text.Trim();
        (string Suffix, double Ms)[] units = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000)];
        foreach (var (suffix, ms) in units)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && number >= 0 && double.IsFinite(number))
            {
                value = TimeSpan.FromMilliseconds(number * ms);
                return true;
            }
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);
    }
}
