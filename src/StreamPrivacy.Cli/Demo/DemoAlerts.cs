using System.Text.Json;
using Confluent.Kafka;
using StreamPrivacy.Kafka.Configuration;

namespace StreamPrivacy.Cli.Demo;

/// <summary>Reads the drift and leakage alert topics at the end of the demo (messages only: they never hold values).</summary>
internal static class DemoAlerts
{
    /// <summary>Raised alerts first (leakage before drift), then resolves; each as one line.</summary>
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
        var messages = new List<(int Order, string Line)>();
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
            var root = document.RootElement;
            var raised = root.GetProperty("state").GetString() == "raised";
            var leakage = root.GetProperty("type").GetString() == "leakage";
            messages.Add(((raised ? 0 : 2) + (leakage ? 0 : 1), Describe(root)));
        }

        consumer.Close();
        return [.. messages.OrderBy(m => m.Order).Select(m => m.Line)];
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
            : string.Join(' ', new[] { Text(alert, "kind"), Text(alert, "field_path"), Text(alert, "entity_type"), Text(alert, "client") }.Where(t => t.Length > 0))
              + (alert.TryGetProperty("count", out var count) ? $" × {count.GetInt64()}" : string.Empty);
        var where = stream.Length == 0 ? $"{Text(model, "name")} {Text(model, "version")}" : $"{Text(model, "name")} {Text(model, "version")} ({stream})";
        return $"{Text(alert, "state")} · {where} · {what} · window from {start:HH:mm:ss}";
    }
}
