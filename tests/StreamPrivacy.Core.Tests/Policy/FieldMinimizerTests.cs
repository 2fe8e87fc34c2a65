using System.Text.Json.Nodes;
using StreamPrivacy.Core.Policy;

namespace StreamPrivacy.Core.Tests.Policy;

public sealed class FieldMinimizerTests
{
    [Fact]
    public void Minimize_DefaultPolicy_DropsAttributesAndUnknownFields()
    {
        var evt = TestEvents.Inference();
        evt["debug_dump"] = new JsonObject { ["raw"] = "x" };
        var removed = new FieldMinimizer(SanitizePolicy.Default.AllowedFields).Minimize(evt);

        Assert.Equal(2, removed);
        Assert.False(evt.ContainsKey("attributes"));
        Assert.False(evt.ContainsKey("debug_dump"));
        Assert.True(evt.ContainsKey("features"));
        Assert.Equal(3, evt["features"]!.AsObject().Count);
    }

    [Fact]
    public void Minimize_PartialPath_KeepsOnlyThatChild()
    {
        var evt = TestEvents.Inference();
        var removed = new FieldMinimizer(["event_id", "attributes.client_ip", "features.age"]).Minimize(evt);

        Assert.Equal(["attributes", "event_id", "features"], evt.Select(kv => kv.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["client_ip"], evt["attributes"]!.AsObject().Select(kv => kv.Key));
        Assert.Equal(["age"], evt["features"]!.AsObject().Select(kv => kv.Key));
        Assert.Equal(7 + 1 + 2, removed); // 7 top-level fields, contact, income and country
    }

    [Fact]
    public void Minimize_PartialPathOnNonObject_DropsIt()
    {
        var evt = new JsonObject { ["attributes"] = "flat string" };
        Assert.Equal(1, new FieldMinimizer(["attributes.client_ip"]).Minimize(evt));
        Assert.Empty(evt);
    }

    [Fact]
    public void Minimize_EmptyAllowlist_DropsEverything()
    {
        var evt = TestEvents.Inference();
        new FieldMinimizer([]).Minimize(evt);
        Assert.Empty(evt);
    }
}
