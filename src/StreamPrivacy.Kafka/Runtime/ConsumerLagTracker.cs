using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json;

namespace StreamPrivacy.Kafka.Runtime;

/// <summary>
/// Keeps a stage consumer's latest per-partition lag from librdkafka's statistics JSON
/// (<c>topics.*.partitions.*.consumer_lag</c>: high watermark minus committed offset) and reports
/// it as <c>streamprivacy.consumer.lag</c> measurements. Each statistics event replaces the whole
/// snapshot, so revoked partitions disappear. Thread-safe.
/// </summary>
internal sealed class ConsumerLagTracker(string stage)
{
    private volatile IReadOnlyList<(string Topic, int Partition, long Lag)> _latest = [];

    /// <summary>The lag per partition as of the last statistics event (partitions with an unknown lag are left out).</summary>
    public IReadOnlyList<(string Topic, int Partition, long Lag)> Latest => _latest;

    /// <summary>Replaces the snapshot from one statistics event; returns false (keeping the old one) when the JSON cannot be read.</summary>
    public bool Update(string statisticsJson)
    {
        try
        {
            _latest = Parse(statisticsJson);
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return false;
        }
    }

    /// <summary>The snapshot as gauge measurements tagged by stage, topic and partition.</summary>
    public IEnumerable<Measurement<long>> Observe() =>
        _latest.Select(p => new Measurement<long>(
            p.Lag,
            new KeyValuePair<string, object?>("stage", stage),
            new KeyValuePair<string, object?>("topic", p.Topic),
            new KeyValuePair<string, object?>("partition", p.Partition)));

    internal static List<(string Topic, int Partition, long Lag)> Parse(string json)
    {
        var result = new List<(string, int, long)>();
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("topics", out var topics) || topics.ValueKind != JsonValueKind.Object)
        {
            return result;
        }

        foreach (var topic in topics.EnumerateObject())
        {
            if (!topic.Value.TryGetProperty("partitions", out var partitions) || partitions.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var partition in partitions.EnumerateObject())
            {
                // Partition -1 is librdkafka's internal unassigned-messages queue; -1 lag means unknown
                // (no committed offset or high watermark yet, or the partition is not assigned to us).
                if (int.TryParse(partition.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                    && partition.Value.TryGetProperty("consumer_lag", out var lagElement)
                    && lagElement.TryGetInt64(out var lag)
                    && lag >= 0)
                {
                    result.Add((topic.Name, id, lag));
                }
            }
        }

        return result;
    }
}
