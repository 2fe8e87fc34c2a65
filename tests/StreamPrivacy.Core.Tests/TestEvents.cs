using System.Text.Json.Nodes;

namespace StreamPrivacy.Core.Tests;

/// <summary>Builders of raw events for tests.</summary>
internal static class TestEvents
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    public static JsonObject Inference(string? subject = "customer-8812", params string[] consent) => new()
    {
        ["event_id"] = "e-1",
        ["event_time"] = "2026-11-20T09:59:58.123Z",
        ["model"] = new JsonObject { ["name"] = "credit-risk", ["version"] = "3.2.0" },
        ["subject_id"] = subject,
        ["consent"] = new JsonArray([.. (consent.Length == 0 ? ["monitoring"] : consent).Select(c => (JsonNode?)c)]),
        ["features"] = new JsonObject { ["age"] = 34, ["income"] = 52000.5, ["country"] = "DE" },
        ["prediction"] = new JsonObject { ["label"] = "approve", ["score"] = 0.87 },
        ["label"] = null,
        ["text"] = new JsonObject { ["prompt"] = "free text", ["response"] = "free text" },
        ["attributes"] = new JsonObject { ["client_ip"] = "10.1.2.3", ["contact"] = "SECRET-CONTACT" },
    };

    public static JsonObject Features() => new()
    {
        ["event_id"] = "f-1",
        ["event_time"] = "2026-11-20T09:59:58Z",
        ["feature_set"] = "customer-profile",
        ["subject_id"] = "customer-1",
        ["consent"] = new JsonArray("monitoring"),
        ["features"] = new JsonObject { ["age"] = 34, ["embedding"] = new JsonArray(0.1, 0.2) },
    };
}
