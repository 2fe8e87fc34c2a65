using System.Text.Json.Nodes;
using StreamPrivacy.Core.Policy;

namespace StreamPrivacy.Core.Tests.Policy;

public sealed class ConsentFilterTests
{
    private readonly ConsentFilter _filter = new(["monitoring"]);

    [Fact]
    public void IsPermitted_RequiredPurposePresent_True() =>
        Assert.True(_filter.IsPermitted(TestEvents.Inference("s", "analytics", "monitoring")));

    [Fact]
    public void IsPermitted_PurposeMissing_False() =>
        Assert.False(_filter.IsPermitted(TestEvents.Inference("s", "marketing")));

    [Fact]
    public void IsPermitted_DifferentCase_False() =>
        Assert.False(_filter.IsPermitted(TestEvents.Inference("s", "Monitoring")));

    [Fact]
    public void IsPermitted_NoConsentField_False()
    {
        var evt = TestEvents.Inference();
        evt.Remove("consent");
        Assert.False(_filter.IsPermitted(evt));
    }

    [Fact]
    public void IsPermitted_NullConsent_False()
    {
        var evt = TestEvents.Inference();
        evt["consent"] = null;
        Assert.False(_filter.IsPermitted(evt));
    }

    [Fact]
    public void IsPermitted_AllOfSeveralRequired_NeedsEach()
    {
        var filter = new ConsentFilter(["monitoring", "analytics"]);
        Assert.False(filter.IsPermitted(TestEvents.Inference("s", "monitoring")));
        Assert.True(filter.IsPermitted(TestEvents.Inference("s", "analytics", "monitoring")));
    }

    [Fact]
    public void IsPermitted_NothingRequired_True() =>
        Assert.True(new ConsentFilter([]).IsPermitted(new JsonObject()));
}
