using System.Buffers;
using System.Text.Json;
using StreamPrivacy.Core.Windowing;

namespace StreamPrivacy.Kafka.Stages.Drift;

/// <summary>
/// Records of the internal partials topic (JSON): a partial histogram
/// (<c>"type": "partial"</c>, keyed by stream) or a source partition's watermark announcement
/// (<c>"type": "watermark"</c>, broadcast to every partials partition). Exact counts: internal only.
/// </summary>
internal static class PartialsMessage
{
    /// <summary>Encodes a partial.</summary>
    public static byte[] Encode(PartialWindow partial, DateTimeOffset emittedAt)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "partial");
            JsonFields.WriteStream(json, partial.Stream);
            JsonFields.WriteWindow(json, partial.Window);
            json.WriteString("source_topic", partial.SourceTopic);
            json.WriteNumber("partition", partial.SourcePartition);
            json.WriteString("reference_hash", partial.ReferenceHash);
            json.WriteStartObject("features");
            foreach (var (name, counts) in partial.Counts.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                json.WriteStartObject(name);
                json.WriteStartArray("counts");
                foreach (var c in counts)
                {
                    json.WriteNumberValue(c);
                }

                json.WriteEndArray();
                json.WriteNumber("missing", partial.Missing.GetValueOrDefault(name));
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteNumber("event_count", partial.Events);
            json.WriteNumber("late_count", partial.Late);
            json.WriteString("emitted_at", JsonFields.Time(emittedAt));
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Encodes a watermark announcement.</summary>
    public static byte[] EncodeWatermark(string sourceTopic, int sourcePartition, DateTimeOffset watermark, DateTimeOffset emittedAt)
    {
        var buffer = new ArrayBufferWriter<byte>(160);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "watermark");
            json.WriteString("source_topic", sourceTopic);
            json.WriteNumber("partition", sourcePartition);
            json.WriteString("watermark", JsonFields.Time(watermark));
            json.WriteString("emitted_at", JsonFields.Time(emittedAt));
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Decodes a record: a partial, or a watermark (topic, partition, time); throws <see cref="JsonException"/> or <see cref="KeyNotFoundException"/> on a bad record.</summary>
    public static (PartialWindow? Partial, (string Topic, int Partition, DateTimeOffset Watermark)? Watermark) Decode(ReadOnlySpan<byte> value)
    {
        var reader = new Utf8JsonReader(value);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var type = root.GetProperty("type").GetString();
        var topic = root.GetProperty("source_topic").GetString()!;
        var partition = root.GetProperty("partition").GetInt32();
        if (type == "watermark")
        {
            return (null, (topic, partition, JsonFields.ParseTime(root.GetProperty("watermark").GetString()!)));
        }

        if (type != "partial")
        {
            throw new JsonException("unknown partials record type");
        }

        var counts = new Dictionary<string, long[]>(StringComparer.Ordinal);
        var missing = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var feature in root.GetProperty("features").EnumerateObject())
        {
            counts[feature.Name] = [.. feature.Value.GetProperty("counts").EnumerateArray().Select(c => c.GetInt64())];
            missing[feature.Name] = feature.Value.GetProperty("missing").GetInt64();
        }

        var partial = new PartialWindow(
            JsonFields.ReadStream(root.GetProperty("stream")),
            JsonFields.ReadWindow(root.GetProperty("window")),
            topic,
            partition,
            root.GetProperty("reference_hash").GetString()!,
            counts,
            missing,
            root.GetProperty("event_count").GetInt64(),
            root.GetProperty("late_count").GetInt64());
        return (partial, null);
    }
}
