using System.Text.Json;
using Confluent.Kafka;
using StreamPrivacy.Kafka.Configuration;

namespace StreamPrivacy.Cli.Demo;

/// <summary>Reads the drift and leakage alert topics at the end of the demo (messages only: they never hold values).</summary>
internal static class DemoAlerts
{
    public static IReadOnlyList<string> Read(string bootstrap, TopicOptions topics)
    {
        using var consumer = new ConsumerBuilder<Ignore, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = "demo-alerts-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnablePartitionEof = true,
        }).Build();
        consumer.Subscribe([topics.DriftAlerts, topics.LeakageAlerts]);
        var messages = new List<string>();
        var deadline = DateTime.UtcNow.AddSeconds(5);
        var idle = 0;
        while (DateTime.UtcNow < deadline && idle < 10)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result is null || result.IsPartitionEOF)
            {
                idle++;
                continue;
            }

            idle = 0;
            using var document = JsonDocument.Parse(result.Message.Value);
            messages.Add(Describe(document.RootElement));
        }

        consumer.Close();
        return messages;
    }

    // One compact line from the alert's fields (metric values and paths only, never event values).
    private static string Describe(JsonElement alert)
    {
        string Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : string.Empty;
        var model = alert.GetProperty("model");
        var stream = alert.TryGetProperty("stream", out var s) ? Text(s, "feature_set") : string.Empty;
        var window = alert.GetProperty("window");
        var start = DateTimeOffset.Parse(Text(window, "start"), System.Globalization.CultureInfo.InvariantCulture);
        var what = Text(alert, "type") == "drift"
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Text(alert, "field_path")} {Text(alert, "metric")} = {alert.GetProperty("value").GetDouble():0.###}")
            : Text(alert, "kind");
        return $"{Text(alert, "state")} · {Text(model, "name")} {Text(model, "version")} ({stream}) · {what} · window from {start:HH:mm:ss}";
    }
}
