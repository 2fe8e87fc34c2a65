using System.Globalization;

namespace StreamPrivacy.Kafka.Tests.Cli;

/// <summary>Hand-made records in the formats of the output topics, for the report tests.</summary>
internal static class ReportRecords
{
    /// <summary>A model name that must come out escaped.</summary>
    public const string HostileModel = "<script>alert(1)</script>";

    /// <summary>A value inside a sanitized event's payload; the report must never show it.</summary>
    public const string PayloadValue = "zz-payload-value-4711";

    /// <summary>Start of the first window.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static string Stream(string model) =>
        $"\"stream\":{{\"model_name\":{Json(model)},\"model_version\":\"1.0\",\"feature_set\":\"inference\"}}";

    private static string Window(int i) => $"\"window\":{{\"start\":\"{Time(T0.AddMinutes(5 * i))}\",\"end\":\"{Time(T0.AddMinutes(5 * (i + 1)))}\"}}";

    private static string ReleaseId(string model, int i) => $"release/v1|{model}/1.0/inference|{Time(T0.AddMinutes(5 * i))}|policy:default-2";

    /// <summary>A JSON string literal.</summary>
    public static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    /// <summary>A psi metric record of feature <paramref name="feature"/> in window <paramref name="i"/>.</summary>
    public static string Psi(string model, string feature, int i, double value, double low, double high, bool drifted) => string.Create(CultureInfo.InvariantCulture,
        $"{{\"release_id\":{Json(ReleaseId(model, i))},{Stream(model)},{Window(i)},\"metric\":\"psi\",\"feature\":{Json(feature)},\"bucket\":null,\"value\":{value},\"mechanism\":\"discrete_laplace\",\"epsilon\":0.05,\"delta\":null,\"rho\":null,\"sensitivity\":1,\"noise_scale\":20,\"error_bar\":0.1,\"confidence\":0.9,\"interval\":[{low},{high}],\"feature_type\":\"numeric\",\"drifted\":{(drifted ? "true" : "false")},\"released_at\":\"{Time(T0.AddMinutes(5 * (i + 1)))}\"}}");

    /// <summary>A histogram bin record (read, not shown).</summary>
    public static string Bin(string model, string feature, int i) =>
        $"{{\"release_id\":{Json(ReleaseId(model, i))},{Stream(model)},{Window(i)},\"metric\":\"histogram_bin\",\"feature\":{Json(feature)},\"bucket\":\"[30, 40)\",\"value\":17,\"mechanism\":\"discrete_laplace\",\"epsilon\":0.05,\"sensitivity\":1,\"noise_scale\":20,\"error_bar\":44,\"confidence\":0.9,\"feature_type\":\"numeric\",\"drifted\":false,\"released_at\":\"{Time(T0)}\"}}";

    /// <summary>A ledger release record of window <paramref name="i"/>.</summary>
    public static string Release(string model, int i) =>
        $"{{\"kind\":\"release\",\"recorded_at\":\"{Time(T0.AddMinutes(5 * (i + 1)))}\",\"release_id\":{Json(ReleaseId(model, i))},{Stream(model)},{Window(i)},\"policy_version\":\"default-2\",\"reference_hash\":\"sha256:abc123\",\"epsilon_charged\":\"1/10\",\"rho_charged\":\"0\","
        + "\"features\":[{\"name\":\"age\",\"bins\":[\"(-inf, 30)\",\"[30, +inf)\"],\"type\":\"numeric\",\"reference_total\":100,\"current_total\":90,\"counts\":[40,50],\"metrics\":{\"psi\":0.1},\"drifted\":false,\"triggered\":[],"
        + "\"dp\":{\"mechanism\":\"discrete_laplace\",\"epsilon\":\"1/20\",\"sensitivity\":1,\"scale\":20,\"error_bar_90\":44}}],\"alerts\":[]}";

    /// <summary>A budget record: 3/10 of the period spent.</summary>
    public static string Budget(string model) =>
        $"{{\"kind\":\"budget_charge\",\"recorded_at\":\"{Time(T0.AddMinutes(15))}\",\"stream_key\":{Json(model.Replace("%", "%25", StringComparison.Ordinal).Replace("/", "%2F", StringComparison.Ordinal) + "/1.0/inference")},\"period_start\":\"{Time(T0.Date)}\",\"epsilon_spent\":\"3/10\",\"rho_spent\":\"0\",\"charges\":3,\"stopped\":false}}";

    /// <summary>A drift alert raised in window 2.</summary>
    public static string DriftAlert(string model, string state, int i) =>
        $"{{\"alert_id\":\"drift-{state}-{i}\",\"dedup_key\":\"drift|x|age|psi\",\"type\":\"drift\",\"state\":\"{state}\",\"severity\":\"warning\",\"model\":{{\"name\":{Json(model)},\"version\":\"1.0\"}},\"field_path\":\"$.features['age']\",\"entity_type\":null,\"count\":90,\"total\":null,{Window(i)},\"message\":\"m\",\"created_at\":\"{Time(T0.AddMinutes(5 * (i + 1)))}\",\"metric\":\"psi\",\"value\":0.41,\"threshold\":0.2,{Stream(model)}}}";

    /// <summary>A probing leakage alert naming a pseudonymous client.</summary>
    public static string ProbingAlert(string model) =>
        $"{{\"alert_id\":\"probe-1\",\"dedup_key\":\"probing|c\",\"type\":\"leakage\",\"kind\":\"probing\",\"state\":\"raised\",\"severity\":\"warning\",\"model\":{{\"name\":{Json(model)},\"version\":\"1.0\"}},\"field_path\":null,\"entity_type\":null,\"count\":250,\"total\":null,{Window(1)},\"message\":\"m\",\"created_at\":\"{Time(T0.AddMinutes(7))}\",\"client\":\"client-7f3a9c\",\"near_duplicate_share\":0.9}}";

    /// <summary>A sanitized inference event with redaction counts (and a payload value the report must not show).</summary>
    public static string Sanitized(string model) =>
        $"{{\"event_id\":\"e1\",\"event_time\":\"{Time(T0)}\",\"model\":{{\"name\":{Json(model)},\"version\":\"1.0\"}},\"features\":{{\"city\":\"{PayloadValue}\"}},\"text\":{{\"prompt\":\"call <PHONE_NUMBER>\"}},"
        + "\"sanitization\":{\"policy_version\":\"default-2\",\"fields_removed\":1,\"redaction_counts\":{\"PHONE_NUMBER\":2,\"EMAIL_ADDRESS\":1}}}";
}
