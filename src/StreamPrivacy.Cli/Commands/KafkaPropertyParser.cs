namespace StreamPrivacy.Cli.Commands;

/// <summary>Parses repeated <c>-X key=value</c> librdkafka properties.</summary>
internal static class KafkaPropertyParser
{
    public static Dictionary<string, string> Parse(IEnumerable<string> pairs)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new ArgumentException($"-X expects key=value, got '{pair}'");
            }

            result[pair[..eq].Trim()] = pair[(eq + 1)..];
        }

        return result;
    }
}
