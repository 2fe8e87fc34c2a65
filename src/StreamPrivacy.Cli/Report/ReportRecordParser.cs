using System.Globalization;
using System.Text.Json;

namespace StreamPrivacy.Cli.Report;

/// <summary>
/// Parses records of the output topics into <see cref="ReportData"/>. Reads only names, counts,
/// released values and times; of a sanitized event only the model, the feature set and the
/// <c>sanitization</c> counts, never its payload. A record that cannot be read is counted and skipped.
/// </summary>
internal static class ReportRecordParser
{
    private static readonly HashSet<string> DriftMetrics = new(StringComparer.Ordinal) { "psi", "kl", "js", "ks", "wasserstein_norm", "chi2", "chi2_p" };

    /// <summary>An <c>ml.metrics</c> record; histogram bins and counts are read but not kept.</summary>
    public static void AddMetric(ReportData data, string topic, byte[] value) => Parse(data, topic, value, root =>
    {
        var metric = Text(root, "metric") ?? throw new FormatException("metric");
        if (!DriftMetrics.Contains(metric))
        {
            return;
        }

        var (start, end) = Window(root);
        double? low = null, high = null;
        if (root.TryGetProperty("interval", out var interval) && interval.ValueKind == JsonValueKind.Array && interval.GetArrayLength() == 2
            && interval[0].ValueKind == JsonValueKind.Number && interval[1].ValueKind == JsonValueKind.Number)
        {
            low = interval[0].GetDouble();
            high = interval[1].GetDouble();
        }

        data.Add(new MetricPoint(
            Text(root, "release_id") ?? throw new FormatException("release_id"),
            Stream(root),
            start,
            end,
            metric,
            Text(root, "feature") ?? throw new FormatException("feature"),
            root.GetProperty("value").GetDouble(),
            low,
            high,
            root.TryGetProperty("drifted", out var drifted) && drifted.ValueKind == JsonValueKind.True,
            Text(root, "feature_type") ?? string.Empty));
    });

    /// <summary>A ledger record: releases and budget spend are kept, other kinds (audit entries) ignored.</summary>
    public static void AddLedger(ReportData data, string topic, byte[] value) => Parse(data, topic, value, root =>
    {
        switch (Text(root, "kind"))
        {
            case "release":
                var (start, end) = Window(root);
                var features = root.GetProperty("features").EnumerateArray().ToList();
                var dp = features.Where(f => f.TryGetProperty("dp", out var d) && d.ValueKind == JsonValueKind.Object).Select(f => f.GetProperty("dp")).ToList();
                data.Add(new ReleaseEntry(
                    Text(root, "release_id") ?? throw new FormatException("release_id"),
                    Stream(root),
                    start,
                    end,
                    Text(root, "policy_version") ?? string.Empty,
                    Text(root, "reference_hash") ?? string.Empty,
                    Text(root, "epsilon_charged") ?? "0",
                    Text(root, "rho_charged") ?? "0",
                    features.Count,
                    [.. dp.Select(d => Text(d, "mechanism")).OfType<string>().Distinct().Order(StringComparer.Ordinal)],
                    [.. dp.Where(d => d.TryGetProperty("sensitivity", out var s) && s.ValueKind == JsonValueKind.Number).Select(d => d.GetProperty("sensitivity").GetInt32()).Distinct().Order()]));
                break;
            case "budget_charge":
                var stream = ReportStream.FromKey(Text(root, "stream_key") ?? string.Empty) ?? throw new FormatException("stream_key");
                data.Add(new BudgetEntry(
                    stream,
                    Time(Text(root, "period_start")) ?? throw new FormatException("period_start"),
                    Text(root, "epsilon_spent") ?? "0",
                    Text(root, "rho_spent") ?? "0",
                    root.TryGetProperty("charges", out var charges) && charges.ValueKind == JsonValueKind.Number ? charges.GetInt32() : 0,
                    root.TryGetProperty("stopped", out var stopped) && stopped.ValueKind == JsonValueKind.True));
                break;
        }
    });

    /// <summary>A drift or leakage alert.</summary>
    public static void AddAlert(ReportData data, string topic, byte[] value) => Parse(data, topic, value, root =>
    {
        var model = root.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.Object
            ? new ModelKey(Text(m, "name") ?? string.Empty, Text(m, "version") ?? string.Empty)
            : new ModelKey(string.Empty, string.Empty);
        var window = root.TryGetProperty("window", out var w) && w.ValueKind == JsonValueKind.Object ? Time(Text(w, "start")) : null;
        data.Add(new AlertEntry
        {
            AlertId = Text(root, "alert_id") ?? throw new FormatException("alert_id"),
            Type = Text(root, "type") ?? throw new FormatException("type"),
            Kind = Text(root, "kind"),
            State = Text(root, "state") ?? throw new FormatException("state"),
            Severity = Text(root, "severity"),
            Model = model,
            FeatureSet = root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.Object ? Text(s, "feature_set") : null,
            FieldPath = Text(root, "field_path"),
            EntityType = Text(root, "entity_type"),
            Count = Long(root, "count"),
            Total = Long(root, "total"),
            WindowStart = window,
            CreatedAt = Time(Text(root, "created_at")),
            Metric = Text(root, "metric"),
            Value = Number(root, "value"),
            Threshold = Number(root, "threshold"),
            Client = Text(root, "client"),
            EpsilonSpent = Number(root, "epsilon_spent"),
            EpsilonBudget = Number(root, "epsilon_budget"),
        });
    });

    /// <summary>A sanitized event: only its model (or feature set) and its <c>sanitization</c> counts are read.</summary>
    public static void AddSanitized(ReportData data, string topic, byte[] value, bool featureEvents) => Parse(data, topic, value, root =>
    {
        ModelKey key;
        if (featureEvents)
        {
            key = new ModelKey(Text(root, "feature_set") ?? "(no feature set)", Text(root, "source") ?? "-");
        }
        else
        {
            key = root.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.Object
                ? new ModelKey(Text(m, "name") ?? "(no model)", Text(m, "version") ?? string.Empty)
                : new ModelKey("(no model)", string.Empty);
        }

        var tally = data.Tally(key);
        if (featureEvents)
        {
            tally.FeatureEvents++;
        }
        else
        {
            tally.InferenceEvents++;
        }

        if (!root.TryGetProperty("sanitization", out var sanitization) || sanitization.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (Text(sanitization, "policy_version") is { } policy)
        {
            tally.PolicyVersions.Add(policy);
        }

        tally.FieldsRemoved += Long(sanitization, "fields_removed") ?? 0;
        if (sanitization.TryGetProperty("redaction_counts", out var counts) && counts.ValueKind == JsonValueKind.Object)
        {
            var any = false;
            foreach (var entity in counts.EnumerateObject())
            {
                if (entity.Value.ValueKind == JsonValueKind.Number && entity.Value.TryGetInt64(out var n) && n > 0)
                {
                    tally.Redactions[entity.Name] = tally.Redactions.GetValueOrDefault(entity.Name) + n;
                    any = true;
                }
            }

            if (any)
            {
                tally.EventsWithRedactions++;
            }
        }
    });

    private static void Parse(ReportData data, string topic, byte[] value, Action<JsonElement> read)
    {
        try
        {
            using var document = JsonDocument.Parse(value);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                data.Count(topic, readable: false);
                return;
            }

            read(document.RootElement);
            data.Count(topic, readable: true);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or KeyNotFoundException or OverflowException)
        {
            // Counted, never echoed: the record's content stays out of the report and the console.
            data.Count(topic, readable: false);
        }
    }

    private static ReportStream Stream(JsonElement root)
    {
        var s = root.GetProperty("stream");
        return new ReportStream(
            Text(s, "model_name") ?? throw new FormatException("model_name"),
            Text(s, "model_version") ?? throw new FormatException("model_version"),
            Text(s, "feature_set") ?? throw new FormatException("feature_set"));
    }

    private static (DateTimeOffset Start, DateTimeOffset End) Window(JsonElement root)
    {
        var w = root.GetProperty("window");
        return (Time(Text(w, "start")) ?? throw new FormatException("window.start"), Time(Text(w, "end")) ?? throw new FormatException("window.end"));
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static long? Long(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;

    private static DateTimeOffset? Time(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null;
}
