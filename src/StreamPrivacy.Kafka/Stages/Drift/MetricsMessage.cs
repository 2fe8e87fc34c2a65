using System.Buffers;
using System.Text.Json;
using StreamPrivacy.Core.Drift;
using StreamPrivacy.Core.Drift.Release;

namespace StreamPrivacy.Kafka.Stages.Drift;

/// <summary>
/// The <c>ml.metrics</c> records of a release (schemas/metric_release.avsc, JSON): per feature one
/// <c>histogram_bin</c> record per bin (the released noisy count), one <c>count</c> record (the
/// clamped total) and one record per applicable drift metric. Every record carries the release id,
/// the mechanism, ε or ρ of the feature, sensitivity, noise scale and a 90% error bar. A pure
/// function of the ledger record, so replays re-emit identical bytes.
/// </summary>
internal static class MetricsMessage
{
    /// <summary>Confidence of every error bar.</summary>
    public const double Confidence = 0.9;

    /// <summary>The metric records of <paramref name="record"/>, in a fixed order.</summary>
    public static IReadOnlyList<byte[]> Encode(ReleaseRecord record)
    {
        var records = new List<byte[]>();
        for (var f = 0; f < record.Features.Count; f++)
        {
            var feature = record.Features[f];
            var labels = record.BinLabels[f];
            var binBar = feature.Noise?.ErrorBar90 ?? 0;
            for (var i = 0; i < feature.ReleasedCounts.Count; i++)
            {
                records.Add(One(record, feature, "histogram_bin", i < labels.Count ? labels[i] : i.ToString(System.Globalization.CultureInfo.InvariantCulture), feature.ReleasedCounts[i], binBar, null));
            }

            // The total of clamped counts: each bin's noise is within ±h with 90% probability, so
            // bins × h bounds the total's error with at least that probability (union of the tails).
            records.Add(One(record, feature, "count", null, feature.Result.CurrentTotal, binBar * feature.ReleasedCounts.Count, null));
            foreach (var metric in DriftJson.Metrics)
            {
                if (feature.Result.Get(metric) is not { } value || !double.IsFinite(value))
                {
                    continue;
                }

                MetricInterval? interval = feature.ErrorBars is { } bars && bars.TryGetValue(metric, out var iv) ? iv : null;
                var bar = interval is { } i2 ? Math.Max(Math.Max(value - i2.Low, i2.High - value), 0) : 0;
                records.Add(One(record, feature, DriftJson.MetricName(metric), null, value, bar, interval));
            }
        }

        return records;
    }

    private static byte[] One(ReleaseRecord record, FeatureRelease feature, string metric, string? bucket, double value, double errorBar, MetricInterval? interval)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("release_id", record.ReleaseId);
            JsonFields.WriteStream(json, record.Stream);
            JsonFields.WriteWindow(json, record.Window);
            json.WriteString("metric", metric);
            json.WriteString("feature", feature.Result.Feature);
            if (bucket is null)
            {
                json.WriteNull("bucket");
            }
            else
            {
                json.WriteString("bucket", bucket);
            }

            json.WriteNumber("value", value);
            var noise = feature.Noise;
            json.WriteString("mechanism", noise?.Mechanism ?? "none");
            DriftJson.WriteNumber(json, "epsilon", noise?.Epsilon?.ToDouble());
            json.WriteNull("delta");
            DriftJson.WriteNumber(json, "rho", noise?.Rho?.ToDouble());
            json.WriteNumber("sensitivity", noise?.Sensitivity ?? 0);
            json.WriteNumber("noise_scale", noise?.Scale ?? 0);
            json.WriteNumber("error_bar", errorBar);
            json.WriteNumber("confidence", Confidence);
            if (interval is { } iv)
            {
                json.WriteStartArray("interval");
                json.WriteNumberValue(iv.Low);
                json.WriteNumberValue(iv.High);
                json.WriteEndArray();
            }

            json.WriteString("feature_type", feature.Result.Kind == FeatureKind.Numeric ? "numeric" : "categorical");
            json.WriteBoolean("drifted", feature.Result.Drifted);
            json.WriteString("released_at", JsonFields.Time(record.ReleasedAt));
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
