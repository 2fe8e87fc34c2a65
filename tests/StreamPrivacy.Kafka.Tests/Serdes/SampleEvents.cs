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
             "sanitization":{"policy_version":"2026.11.1","fields_removed":1,"redaction_counts":{"email":1,"ip":1},"output_redactions":{"$.text.response":{"EMAIL_ADDRESS":1}}},
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
             "released_at":"2026-11-20T10:05:02.001Z","interval":null,"feature_type":null,"drifted":null}
            """,
        "Alert" => """
            {"alert_id":"al-77","dedup_key":"leakage:credit-risk:$.text.prompt:email","type":"leakage","state":"raised","severity":"critical",
             "model":{"name":"credit-risk","version":"3.2.0"},"field_path":"$.text.prompt","entity_type":"email",
             "count":12,"total":5000,"window":{"start":"2026-11-20T10:00:00Z","end":"2026-11-20T10:05:00Z"},
             "message":"12 of 5000 events in window carried an email in $.text.prompt","created_at":"2026-11-20T10:05:03Z",
             "kind":null,"metric":null,"value":null,"threshold":null,"release_id":null,"stream":null,
             "epsilon_spent":null,"epsilon_budget":null,"rho_spent":null,"rho_budget":null,"period_start":null,"period_end":null,
             "client":null,"near_duplicate_share":null}
            """,
        "PartialHistogram" => """
            {"type":"partial","stream":{"model_name":"credit-risk","model_version":"3.2.0","feature_set":"inference"},
             "window":{"start":"2026-11-20T10:00:00.0000000Z","end":"2026-11-20T10:05:00.0000000Z"},
             "source_topic":"ml.inference.sanitized","partition":3,"reference_hash":"sha256:3f1c",
             "features":{"age":{"counts":[10,42,0],"missing":1},"country":{"counts":[30,22,1],"missing":0}},
             "event_count":53,"late_count":2,"watermark":null,"emitted_at":"2026-11-20T10:05:01.0000000Z"}
            """,
        "LedgerRecord" => """
            {"kind":"release","recorded_at":"2026-11-20T10:05:02.0020000Z",
             "release_id":"release/v1|credit-risk/3.2.0/inference|2026-11-20T10:00:00.0000000Z/2026-11-20T10:05:00.0000000Z|policy:default-2",
             "stream":{"model_name":"credit-risk","model_version":"3.2.0","feature_set":"inference"},
             "window":{"start":"2026-11-20T10:00:00.0000000Z","end":"2026-11-20T10:05:00.0000000Z"},
             "policy_version":"default-2","reference_hash":"sha256:3f1c","epsilon_charged":"1/10","rho_charged":"0",
             "features":[{"name":"country","bins":["DE","FR","__other__"],"type":"categorical","reference_total":300,"current_total":52,
               "counts":[31,21,-2],"metrics":{"psi":0.012,"kl":0.006,"js":0.04,"ks":null,"wasserstein_norm":null,"chi2":1.9,"chi2_p":0.38},
               "drifted":false,"triggered":[],
               "dp":{"mechanism":"discrete_laplace","epsilon":"1/20","rho":null,"sensitivity":1,"scale":20,"error_bar_90":46},
               "error_bars":{"psi":[0.002,0.09]}}],
             "alerts":[],"stream_key":null,"period_start":null,"epsilon_spent":null,"rho_spent":null,"charges":null,"stopped":null,
             "chain":null,"audit_kind":null,"policy_hash":null,"key_name":null,"key_id":null,"outcome":null,"head_signature":null,
             "sequence":null,"prev_hash":null,"hash":null}
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
