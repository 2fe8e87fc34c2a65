using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using StreamPrivacy.Core.Drift;
using StreamPrivacy.Core.Drift.Release;
using StreamPrivacy.Core.Privacy;
using StreamPrivacy.Core.Windowing;

namespace StreamPrivacy.Kafka.Stages.Drift;

/// <summary>
/// Alert records (schemas/alert.avsc, JSON): drift alerts from a release's hysteresis transitions,
/// and privacy-budget leakage alerts. Field paths, counts and metric values only; never event values.
/// </summary>
internal static class AlertMessage
{
    /// <summary>The drift alerts of <paramref name="record"/> (a pure function of the ledger record).</summary>
    public static IReadOnlyList<(byte[] Key, byte[] Value)> EncodeDrift(ReleaseRecord record)
    {
        var alerts = new List<(byte[], byte[])>(record.Alerts.Count);
        foreach (var alert in record.Alerts)
        {
            var state = alert.Transition == AlertTransition.Raised ? "raised" : "resolved";
            var metric = DriftJson.MetricName(alert.Metric);
            var dedup = string.Join('|', "drift", record.Stream.Key, alert.Feature, metric);
            var feature = record.Features.FirstOrDefault(f => f.Result.Feature == alert.Feature);
            var message = string.Create(
                CultureInfo.InvariantCulture,
                $"Drift {state} for feature '{alert.Feature}' of {record.Stream.Model} {record.Stream.Version} ({record.Stream.FeatureSet}): {metric} = {alert.Value:G4} (threshold {alert.Threshold:G4}) in window {record.Window.Id}; values are DP-noised (release {record.ReleaseId}).");
            var value = Write(json =>
            {
                json.WriteString("alert_id", Id(dedup + "|" + record.Window.Id + "|" + state));
                json.WriteString("dedup_key", dedup);
                json.WriteString("type", "drift");
                json.WriteString("state", state);
                json.WriteString("severity", "warning");
                WriteModel(json, record.Stream);
                json.WriteString("field_path", FieldPath(alert.Feature));
                json.WriteNull("entity_type");
                json.WriteNumber("count", feature?.Result.CurrentTotal ?? 0);
                json.WriteNull("total");
                JsonFields.WriteWindow(json, record.Window);
                json.WriteString("message", message);
                json.WriteString("created_at", JsonFields.Time(record.ReleasedAt));
                json.WriteString("metric", metric);
                json.WriteNumber("value", alert.Value);
                json.WriteNumber("threshold", alert.Threshold);
                json.WriteString("release_id", record.ReleaseId);
                JsonFields.WriteStream(json, record.Stream);
            });
            alerts.Add((Encoding.UTF8.GetBytes(dedup), value));
        }

        return alerts;
    }

    /// <summary>A leakage alert: the stream's privacy budget is exhausted (critical) or nearly so (warning).</summary>
    public static (byte[] Key, byte[] Value) EncodeBudget(StreamId stream, Window window, BudgetState budget, bool exhausted, DateTimeOffset now)
    {
        var kind = exhausted ? "budget_exhausted" : "budget_near_exhausted";
        var period = JsonFields.Time(budget.PeriodStart);
        var dedup = string.Join('|', kind, stream.Key, period);
        var spent = budget.EpsilonBudget.Sign > 0
            ? string.Create(CultureInfo.InvariantCulture, $"ε {budget.EpsilonSpent.ToDouble():G4} of {budget.EpsilonBudget.ToDouble():G4}")
            : string.Create(CultureInfo.InvariantCulture, $"ρ {budget.RhoSpent.ToDouble():G4} of {budget.RhoBudget.ToDouble():G4}");
        var message = exhausted
            ? $"Privacy budget of {stream.Model} {stream.Version} ({stream.FeatureSet}) exhausted for the period starting {period} ({spent}); drift releases stop until {JsonFields.Time(budget.PeriodEnd)}."
            : $"Privacy budget of {stream.Model} {stream.Version} ({stream.FeatureSet}) nearly exhausted for the period starting {period} ({spent}).";
        var value = Write(json =>
        {
            json.WriteString("alert_id", Id(dedup + "|raised"));
            json.WriteString("dedup_key", dedup);
            json.WriteString("type", "leakage");
            json.WriteString("kind", kind);
            json.WriteString("state", "raised");
            json.WriteString("severity", exhausted ? "critical" : "warning");
            WriteModel(json, stream);
            json.WriteNull("field_path");
            json.WriteNull("entity_type");
            json.WriteNumber("count", budget.Charges);
            json.WriteNull("total");
            JsonFields.WriteWindow(json, window);
            json.WriteString("message", message);
            json.WriteString("created_at", JsonFields.Time(now));
            json.WriteNumber("epsilon_spent", budget.EpsilonSpent.ToDouble());
            json.WriteNumber("epsilon_budget", budget.EpsilonBudget.ToDouble());
            json.WriteNumber("rho_spent", budget.RhoSpent.ToDouble());
            json.WriteNumber("rho_budget", budget.RhoBudget.ToDouble());
            json.WriteString("period_start", period);
            json.WriteString("period_end", JsonFields.Time(budget.PeriodEnd));
            JsonFields.WriteStream(json, stream);
        });
        return (Encoding.UTF8.GetBytes(dedup), value);
    }

    /// <summary>A leakage alert (raise or resolve) from the leakage stage.</summary>
    public static (byte[] Key, byte[] Value) EncodeLeakage(Core.Leakage.LeakageAlert alert, DateTimeOffset now)
    {
        var f = alert.Finding;
        var kind = Core.Leakage.LeakageFinding.KindName(f.Kind);
        var state = alert.Raised ? "raised" : "resolved";
        var severity = f.Kind switch
        {
            Core.Leakage.LeakageKind.PiiInModelOutput or Core.Leakage.LeakageKind.CanaryHit => "critical",
            _ => "warning",
        };
        var window = new Window(alert.WindowStart, alert.WindowEnd);
        var model = f.Model.Length == 0 ? "(any model)" : $"{f.Model} {f.Version}";
        var message = (f.Kind, alert.Raised) switch
        {
            (_, false) => $"Resolved: no {kind.Replace('_', ' ')} for {model} in window {window.Id}.",
            (Core.Leakage.LeakageKind.PiiInModelOutput, _) => $"{f.Count} {f.EntityType} value(s) redacted from model output {f.FieldPath} of {model} in window {window.Id} ({f.Total} events).",
            (Core.Leakage.LeakageKind.CanaryHit, _) => $"Registered canary appeared {f.Count} time(s) in model output {f.FieldPath} of {model} in window {window.Id}: memorisation signal.",
            (Core.Leakage.LeakageKind.Probing, _) => string.Create(CultureInfo.InvariantCulture, $"Client {f.Client} sent {f.Count} queries to {model} in window {window.Id}, {f.Detail:P0} near-duplicates: probing or model extraction."),
            _ => $"{f.Count} record(s) withheld by post-redaction verification in window {window.Id}.",
        };
        var value = Write(json =>
        {
            json.WriteString("alert_id", Id(f.DedupKey + "|" + window.Id + "|" + state));
            json.WriteString("dedup_key", f.DedupKey);
            json.WriteString("type", "leakage");
            json.WriteString("kind", kind);
            json.WriteString("state", state);
            json.WriteString("severity", severity);
            json.WriteStartObject("model");
            json.WriteString("name", f.Model);
            json.WriteString("version", f.Version);
            json.WriteEndObject();
            WriteNullable(json, "field_path", f.FieldPath);
            WriteNullable(json, "entity_type", f.EntityType);
            json.WriteNumber("count", f.Count);
            if (f.Total is { } total)
            {
                json.WriteNumber("total", total);
            }
            else
            {
                json.WriteNull("total");
            }

            JsonFields.WriteWindow(json, window);
            json.WriteString("message", message);
            json.WriteString("created_at", JsonFields.Time(now));
            WriteNullable(json, "client", f.Client);
            DriftJson.WriteNumber(json, "near_duplicate_share", f.Detail);
        });
        return (Encoding.UTF8.GetBytes(f.DedupKey), value);
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static string FieldPath(string feature) => feature switch
    {
        MonitoredValues.PredictionScore => "$.prediction.score",
        MonitoredValues.PredictionLabel => "$.prediction.label",
        MonitoredValues.Label => "$.label",
        _ => "$.features['" + feature.Replace("'", "\\'", StringComparison.Ordinal) + "']",
    };

    private static void WriteModel(Utf8JsonWriter json, StreamId stream)
    {
        json.WriteStartObject("model");
        json.WriteString("name", stream.Model);
        json.WriteString("version", stream.Version);
        json.WriteEndObject();
    }

    private static string Id(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
