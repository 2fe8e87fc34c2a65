using System.Buffers;
using System.Text.Json;
using StreamPrivacy.Core.Drift;
using StreamPrivacy.Core.Drift.Release;
using StreamPrivacy.Core.Privacy;
using StreamPrivacy.Core.Windowing;

namespace StreamPrivacy.Kafka.Stages.Drift;

/// <summary>
/// Release-ledger records on the ledger topic (JSON, compacted by key): a <c>release</c> record
/// (key <c>release|{release id}</c>) holds everything a release publishes, so replays re-emit it
/// byte for byte; a <c>budget_charge</c> record (key <c>budget|{stream}|{period start}</c>) holds a
/// stream's exact spend in a budget period. Only released (noised) values are stored.
/// </summary>
internal static class LedgerMessage
{
    /// <summary>Key of a release record.</summary>
    public static byte[] ReleaseKey(string releaseId) => System.Text.Encoding.UTF8.GetBytes("release|" + releaseId);

    /// <summary>Key of a budget record.</summary>
    public static byte[] BudgetKey(BudgetLedgerRecord budget) =>
        System.Text.Encoding.UTF8.GetBytes("budget|" + budget.Stream + "|" + JsonFields.Time(budget.PeriodStart));

    /// <summary>Encodes a release.</summary>
    public static byte[] EncodeRelease(ReleaseRecord record)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("kind", "release");
            json.WriteString("recorded_at", JsonFields.Time(record.ReleasedAt));
            json.WriteString("release_id", record.ReleaseId);
            JsonFields.WriteStream(json, record.Stream);
            JsonFields.WriteWindow(json, record.Window);
            json.WriteString("policy_version", record.PolicyVersion);
            json.WriteString("reference_hash", record.ReferenceHash);
            json.WriteString("epsilon_charged", record.Charge.Epsilon.ToString());
            json.WriteString("rho_charged", record.Charge.Rho.ToString());
            json.WriteStartArray("features");
            for (var i = 0; i < record.Features.Count; i++)
            {
                WriteFeature(json, record.Features[i], record.BinLabels[i]);
            }

            json.WriteEndArray();
            json.WriteStartArray("alerts");
            foreach (var alert in record.Alerts)
            {
                json.WriteStartObject();
                json.WriteString("feature", alert.Feature);
                json.WriteString("metric", DriftJson.MetricName(alert.Metric));
                json.WriteString("transition", alert.Transition == AlertTransition.Raised ? "raised" : "resolved");
                json.WriteNumber("value", alert.Value);
                json.WriteNumber("threshold", alert.Threshold);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Encodes a budget record.</summary>
    public static byte[] EncodeBudget(BudgetLedgerRecord budget, DateTimeOffset recordedAt)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("kind", "budget_charge");
            json.WriteString("recorded_at", JsonFields.Time(recordedAt));
            json.WriteString("stream_key", budget.Stream);
            json.WriteString("period_start", JsonFields.Time(budget.PeriodStart));
            json.WriteString("epsilon_spent", budget.EpsilonSpent);
            json.WriteString("rho_spent", budget.RhoSpent);
            json.WriteNumber("charges", budget.Charges);
            json.WriteBoolean("stopped", budget.Stopped);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Decodes a ledger record: a release, a budget record, or neither (other kinds, e.g. audit entries).</summary>
    /// <exception cref="JsonException">The record is malformed.</exception>
    public static (ReleaseRecord? Release, BudgetLedgerRecord? Budget) Decode(ReadOnlySpan<byte> value)
    {
        var reader = new Utf8JsonReader(value);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        try
        {
            switch (root.GetProperty("kind").GetString())
            {
                case "release":
                    return (ReadRelease(root), null);
                case "budget_charge":
                    return (null, new BudgetLedgerRecord(
                        root.GetProperty("stream_key").GetString()!,
                        JsonFields.ParseTime(root.GetProperty("period_start").GetString()!),
                        root.GetProperty("epsilon_spent").GetString()!,
                        root.GetProperty("rho_spent").GetString()!,
                        root.GetProperty("charges").GetInt32(),
                        root.GetProperty("stopped").GetBoolean()));
                default:
                    return (null, null);
            }
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new JsonException("malformed ledger record", ex);
        }
    }

    private static void WriteFeature(Utf8JsonWriter json, FeatureRelease feature, IReadOnlyList<string> labels)
    {
        var r = feature.Result;
        json.WriteStartObject();
        json.WriteString("name", r.Feature);
        json.WriteStartArray("bins");
        foreach (var label in labels)
        {
            json.WriteStringValue(label);
        }

        json.WriteEndArray();
        json.WriteString("type", r.Kind == FeatureKind.Numeric ? "numeric" : "categorical");
        json.WriteNumber("reference_total", r.ReferenceTotal);
        json.WriteNumber("current_total", r.CurrentTotal);
        json.WriteStartArray("counts");
        foreach (var c in feature.ReleasedCounts)
        {
            json.WriteNumberValue(c);
        }

        json.WriteEndArray();
        json.WriteStartObject("metrics");
        foreach (var metric in DriftJson.Metrics)
        {
            DriftJson.WriteNumber(json, DriftJson.MetricName(metric), r.Get(metric));
        }

        json.WriteEndObject();
        json.WriteBoolean("drifted", r.Drifted);
        json.WriteStartArray("triggered");
        foreach (var metric in r.Triggered)
        {
            json.WriteStringValue(DriftJson.MetricName(metric));
        }

        json.WriteEndArray();
        if (feature.Noise is { } noise)
        {
            json.WriteStartObject("dp");
            json.WriteString("mechanism", noise.Mechanism);
            if (noise.Epsilon is { } epsilon)
            {
                json.WriteString("epsilon", epsilon.ToString());
            }

            if (noise.Rho is { } rho)
            {
                json.WriteString("rho", rho.ToString());
            }

            json.WriteNumber("sensitivity", noise.Sensitivity);
            json.WriteNumber("scale", noise.Scale);
            json.WriteNumber("error_bar_90", noise.ErrorBar90);
            json.WriteEndObject();
        }

        if (feature.ErrorBars is { } bars)
        {
            json.WriteStartObject("error_bars");
            foreach (var (metric, interval) in bars.OrderBy(kv => kv.Key))
            {
                json.WriteStartArray(DriftJson.MetricName(metric));
                json.WriteNumberValue(interval.Low);
                json.WriteNumberValue(interval.High);
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static ReleaseRecord ReadRelease(JsonElement root)
    {
        var features = root.GetProperty("features").EnumerateArray().Select(ReadFeature).ToList();
        var labels = root.GetProperty("features").EnumerateArray()
            .Select(f => (IReadOnlyList<string>)[.. f.GetProperty("bins").EnumerateArray().Select(b => b.GetString()!)]).ToList();
        var alerts = root.GetProperty("alerts").EnumerateArray().Select(a => new DriftAlertChange(
            a.GetProperty("feature").GetString()!,
            DriftJson.ParseMetric(a.GetProperty("metric").GetString()!),
            a.GetProperty("transition").GetString() == "raised" ? AlertTransition.Raised : AlertTransition.Resolved,
            a.GetProperty("value").GetDouble(),
            a.GetProperty("threshold").GetDouble())).ToList();
        return new ReleaseRecord(
            root.GetProperty("release_id").GetString()!,
            JsonFields.ReadStream(root.GetProperty("stream")),
            JsonFields.ReadWindow(root.GetProperty("window")),
            root.GetProperty("policy_version").GetString()!,
            root.GetProperty("reference_hash").GetString()!,
            new PrivacyCharge(Rational.Parse(root.GetProperty("epsilon_charged").GetString()!), Rational.Parse(root.GetProperty("rho_charged").GetString()!)),
            features,
            labels,
            alerts,
            JsonFields.ParseTime(root.GetProperty("recorded_at").GetString()!));
    }

    private static FeatureRelease ReadFeature(JsonElement f)
    {
        var metrics = f.GetProperty("metrics");
        double? M(DriftMetric m) => JsonFields.ReadNumber(metrics, DriftJson.MetricName(m));
        var counts = f.GetProperty("counts").EnumerateArray().Select(c => c.GetInt64()).ToArray();
        var result = new FeatureDriftResult(
            f.GetProperty("name").GetString()!,
            f.GetProperty("type").GetString() == "numeric" ? FeatureKind.Numeric : FeatureKind.Categorical,
            f.GetProperty("reference_total").GetInt64(),
            f.GetProperty("current_total").GetInt64(),
            M(DriftMetric.Psi),
            M(DriftMetric.Kl),
            M(DriftMetric.Js),
            M(DriftMetric.Ks),
            M(DriftMetric.WassersteinNorm),
            M(DriftMetric.Chi2),
            M(DriftMetric.Chi2P),
            f.GetProperty("drifted").GetBoolean(),
            [.. f.GetProperty("triggered").EnumerateArray().Select(t => DriftJson.ParseMetric(t.GetString()!))]);
        NoisyHistogram? noise = null;
        if (f.TryGetProperty("dp", out var dp))
        {
            noise = new NoisyHistogram(
                dp.GetProperty("mechanism").GetString()!,
                dp.TryGetProperty("epsilon", out var e) ? Rational.Parse(e.GetString()!) : null,
                dp.TryGetProperty("rho", out var r) ? Rational.Parse(r.GetString()!) : null,
                dp.GetProperty("sensitivity").GetInt32(),
                dp.GetProperty("scale").GetDouble(),
                dp.GetProperty("error_bar_90").GetInt64(),
                counts);
        }

        Dictionary<DriftMetric, MetricInterval>? bars = null;
        if (f.TryGetProperty("error_bars", out var eb))
        {
            bars = [];
            foreach (var p in eb.EnumerateObject())
            {
                bars[DriftJson.ParseMetric(p.Name)] = new MetricInterval(p.Value[0].GetDouble(), p.Value[1].GetDouble());
            }
        }

        return new FeatureRelease(result, counts, noise, bars);
    }
}
