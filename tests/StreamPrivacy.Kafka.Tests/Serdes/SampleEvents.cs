using System.Text.Json.Nodes;

namespace StreamPrivacy.Kafka.Tests.Serdes;

/// <summary>Realistic JSON values for every schema, in schema field order.</summary>
internal static class SampleEvents
{
    public const string Ns = "io.streamprivacy.v1.";

    public static readonly string[] EventSchemaNames =
    [
        "RawInferenceEvent",
        "RawFeatureEvent",
        "SanitizedInferenceEvent",
        "SanitizedFeatureEvent",
        "MetricRelease",
        "Alert",
        "PartialHistogram",
        "LedgerRecord",
        "DeadLetterRecord",
    ];

    public static JsonObject For(string name) => JsonNode.Parse(Json(name))!.AsObject();

    public static string Json(string name) => name switch
    {
        "RawInferenceEvent" => RawInferenceV2,
        "RawInferenceEventV1" => RawInferenceV1,
        "RawFeatureEvent" => """
            {"event_id":"f-0001","event_time":"2026-11-20T10:00:01.5Z","source":"feature-store-batch","feature_set":"credit-features",
             "subject_id":"customer-8812","consent":["monitoring","analytics"],
             "features":{"age":34,"income":52000.5,"country":"DE","has_loan":false,"tenure":null},
             "attributes":{"client_ip":"203.0.113.7"}}
            """,
        "SanitizedInferenceEvent" => """
            {"event_id":"0b8e1c52-3f0e-4a57-9d37-4c1f0c2d7e11","event_time":"2026-11-20T10:00:00.123Z",
             "model":{"name":"credit-risk","version":"3.2.0"},
             "subject_id":"ps_4f9d2c81a7e3","subject_key_id":"pk-2026-11","consent":["monitoring"],
             "features":{"age":34,"income":52000.5,"country":"DE"},
             "prediction":{"label":"approve","score":0.87},"label":null,
             "text":{"prompt":"my email is [EMAIL]","response":"noted"},
             "attributes":{"client_ip":"[IP]"},
             "sanitization":{"policy_version":"2026.11.1","fields_removed":1,"redaction_counts":{"email":1,"ip":1}},
             "trace_id":null}
            """,
        "SanitizedFeatureEvent" => """
            {"event_id":"f-0001","event_time":"2026-11-20T10:00:01.5Z","source":"feature-store-batch","feature_set":"credit-features",
             "subject_id":"ps_4f9d2c81a7e3","subject_key_id":"pk-2026-11","consent":["monitoring"],
             "features":{"age":30,"income":50000.0,"country":"DE"},
             "attributes":{},
             "sanitization":{"policy_version":"2026.11.1","fields_removed":0,"redaction_counts":{}}}
            """,
        "MetricRelease" => """
            {"release_id":"rel-000042","stream":{"model_name":"credit-risk","model_version":"3.2.0","feature_set":"credit-features"},
             "window":{"start":"2026-11-20T10:00:00Z","end":"2026-11-20T10:05:00Z"},
             "metric":"mean","feature":"income","bucket":null,"value":51873.25,"mechanism":"laplace",
             "epsilon":0.1,"delta":null,"rho":null,"sensitivity":2000.0,"noise_scale":20000.0,"error_bar":59914.6,"confidence":0.95,
             "released_at":"2026-11-20T10:05:02.001Z"}
            """,
        "Alert" => """
            {"alert_id":"al-77","dedup_key":"leakage:credit-risk:$.text.prompt:email","type":"leakage","state":"raised","severity":"critical",
             "model":{"name":"credit-risk","version":"3.2.0"},"field_path":"$.text.prompt","entity_type":"email",
             "count":12,"total":5000,"window":{"start":"2026-11-20T10:00:00Z","end":"2026-11-20T10:05:00Z"},
             "message":"12 of 5000 events in window carried an email in $.text.prompt","created_at":"2026-11-20T10:05:03Z"}
            """,
        "PartialHistogram" => """
            {"stream":{"model_name":"credit-risk","model_version":"3.2.0","feature_set":"credit-features"},
             "window":{"start":"2026-11-20T10:00:00Z","end":"2026-11-20T10:05:00Z"},"partition":3,
             "features":{"age":{"bins":{"[18,25)":10,"[25,40)":42},"missing":1},"country":{"bins":{"DE":30,"FR":22},"missing":0}},
             "subject_count":52,"event_count":53,"late_count":2,"emitted_at":"2026-11-20T10:05:01Z"}
            """,
        "LedgerRecord" => """
            {"sequence":17,"kind":"release","recorded_at":"2026-11-20T10:05:02.002Z",
             "prev_hash":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
             "hash":"60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752",
             "release_id":"rel-000042","stream":{"model_name":"credit-risk","model_version":"3.2.0","feature_set":"credit-features"},
             "released_values":{"mean.income":51873.25},"epsilon_spent":0.1,"rho_spent":null,"epsilon_total":2.3,
             "policy_version":null,"key_id":null,"details":{"actor":"aggregator-1"}}
            """,
        "DeadLetterRecord" => """
            {"source_topic":"ml.inference.raw","source_partition":5,"source_offset":1234567890123,"reason":"malformed_json",
             "detail":"Payload is not valid JSON (line 1, byte 17).","key_id":"dlq-key-3",
             "nonce":"AAECAwQFBgcICQoL","ciphertext":"3q2+78r+ur4BAgMEBQYHCA==","timestamp":"2026-11-20T10:00:00.5Z"}
            """,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private const string RawInferenceV1 = """
        {"event_id":"0b8e1c52-3f0e-4a57-9d37-4c1f0c2d7e11","event_time":"2026-11-20T10:00:00.123Z",
         "model":{"name":"credit-risk","version":"3.2.0"},
         "subject_id":"customer-8812","consent":["monitoring"],
         "features":{"age":34,"income":52000.5,"country":"DE"},
         "prediction":{"label":"approve","score":0.87},
         "label":null,
         "text":{"prompt":"free text \u00fc \u2603","response":"free text"},
         "attributes":{"client_ip":"198.51.100.23","contact":"someone@example.com"}}
        """;

    private const string RawInferenceV2 = """
        {"event_id":"0b8e1c52-3f0e-4a57-9d37-4c1f0c2d7e11","event_time":"2026-11-20T10:00:00.123Z",
         "model":{"name":"credit-risk","version":"3.2.0"},
         "subject_id":"customer-8812","consent":["monitoring"],
         "features":{"age":34,"income":52000.5,"country":"DE","vip":true,"segment":null,"big":-9007199254740993},
         "prediction":{"label":"approve","score":0.87},
         "label":"approve",
         "text":{"prompt":"free text \u00fc \u2603","response":"free text"},
         "attributes":{"client_ip":"198.51.100.23","contact":"someone@example.com"},
         "trace_id":"4bf92f3577b34da6a3ce929d0e0e4736"}
        """;
}
