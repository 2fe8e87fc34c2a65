using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using StreamPrivacy.Core.Events;

namespace StreamPrivacy.Core.Tests.Events;

public sealed class RawEventInspectorTests
{
    private readonly RawEventInspector _inspector = new(new EventValidationOptions(), new FakeTimeProvider(TestEvents.Now), ["monitoring"]);

    private InputError? Validate(JsonObject evt, EventKind kind) => _inspector.Inspect(JsonSerializer.SerializeToUtf8Bytes(evt), kind).Error;

    private bool Consent(JsonObject evt) => _inspector.Inspect(JsonSerializer.SerializeToUtf8Bytes(evt), EventKind.Inference).ConsentGranted;

    [Fact]
    public void Inspect_RequiredPurposePresent_GrantsConsent() =>
        Assert.True(Consent(TestEvents.Inference("s", "analytics", "monitoring")));

    [Fact]
    public void Inspect_PurposeMissing_DeniesConsent() =>
        Assert.False(Consent(TestEvents.Inference("s", "marketing")));

    [Fact]
    public void Inspect_DifferentCase_DeniesConsent() =>
        Assert.False(Consent(TestEvents.Inference("s", "Monitoring")));

    [Fact]
    public void Inspect_NoOrNullConsent_DeniesConsent()
    {
        var evt = TestEvents.Inference();
        evt.Remove("consent");
        Assert.False(Consent(evt));
        evt["consent"] = null;
        Assert.False(Consent(evt));
        Assert.Null(Validate(evt, EventKind.Inference));
    }

    [Fact]
    public void Inspect_SeveralRequiredPurposes_NeedsEach()
    {
        var inspector = new RawEventInspector(new EventValidationOptions(), new FakeTimeProvider(TestEvents.Now), ["monitoring", "analytics"]);
        Assert.False(inspector.Inspect(JsonSerializer.SerializeToUtf8Bytes(TestEvents.Inference("s", "monitoring")), EventKind.Inference).ConsentGranted);
        Assert.True(inspector.Inspect(JsonSerializer.SerializeToUtf8Bytes(TestEvents.Inference("s", "analytics", "monitoring")), EventKind.Inference).ConsentGranted);
    }

    [Fact]
    public void HasConsent_AnyShape_ChecksTopLevelConsent()
    {
        Assert.True(_inspector.HasConsent("""{"x":[1,{"consent":[]}],"consent":["monitoring"]}"""u8));
        Assert.False(_inspector.HasConsent("""{"x":{"consent":["monitoring"]}}"""u8));
        Assert.False(_inspector.HasConsent("""[1,2]"""u8));
    }

    [Fact]
    public void Inspect_NotAnObject_ReportsWrongType() =>
        Assert.Equal(InputErrorReason.WrongType, _inspector.Inspect("[1]"u8, EventKind.Inference).Error?.Reason);

    [Fact]
    public void Validate_WellFormedInference_ReturnsNull() =>
        Assert.Null(Validate(TestEvents.Inference(), EventKind.Inference));

    [Fact]
    public void Validate_WellFormedFeatureEventWithVector_ReturnsNull() =>
        Assert.Null(Validate(TestEvents.Features(), EventKind.Features));

    [Fact]
    public void Validate_UnknownExtraFields_AreAllowed()
    {
        var evt = TestEvents.Inference();
        evt["extra"] = new JsonObject { ["nested"] = new JsonArray(1, "x") };
        Assert.Null(Validate(evt, EventKind.Inference));
    }

    [Theory]
    [InlineData("event_id", InputErrorReason.MissingField)]
    [InlineData("event_time", InputErrorReason.MissingField)]
    [InlineData("model", InputErrorReason.MissingField)]
    public void Validate_RequiredFieldMissing_ReportsMissingField(string field, InputErrorReason expected)
    {
        var evt = TestEvents.Inference();
        evt.Remove(field);
        var error = Validate(evt, EventKind.Inference);
        Assert.Equal(expected, error?.Reason);
        Assert.Equal("$." + field, error?.Path);
    }

    [Fact]
    public void Validate_FeatureEventWithoutModel_IsValid()
    {
        Assert.Null(Validate(TestEvents.Features(), EventKind.Features));
    }

    [Fact]
    public void Validate_FeatureEventWithoutFeatures_ReportsMissingField()
    {
        var evt = TestEvents.Features();
        evt.Remove("features");
        Assert.Equal(InputErrorReason.MissingField, Validate(evt, EventKind.Features)?.Reason);
    }

    public static TheoryData<string, JsonNode, string> WrongTypes => new()
    {
        { "event_id", 42, "$.event_id" },
        { "event_time", 1700000000, "$.event_time" },
        { "model", "credit-risk", "$.model" },
        { "subject_id", new JsonObject(), "$.subject_id" },
        { "consent", "monitoring", "$.consent" },
        { "features", new JsonArray(1, 2), "$.features" },
        { "prediction", 0.5, "$.prediction" },
        { "text", "free", "$.text" },
    };

    [Theory]
    [MemberData(nameof(WrongTypes))]
    public void Validate_WrongType_ReportsWrongTypeWithPath(string field, JsonNode value, string path)
    {
        var evt = TestEvents.Inference();
        evt[field] = value.DeepClone();
        var error = Validate(evt, EventKind.Inference);
        Assert.Equal(InputErrorReason.WrongType, error?.Reason);
        Assert.Equal(path, error?.Path);
    }

    [Fact]
    public void Validate_NestedObjectAsFeature_ReportsWrongType()
    {
        var evt = TestEvents.Inference();
        evt["features"]!["address"] = new JsonObject { ["street"] = "x" };
        Assert.Equal("$.features.address", Validate(evt, EventKind.Inference)?.Path);
    }

    [Fact]
    public void Validate_ConsentWithNonString_ReportsIndexPath()
    {
        var evt = TestEvents.Inference();
        evt["consent"] = new JsonArray("monitoring", 7);
        Assert.Equal("$.consent[1]", Validate(evt, EventKind.Inference)?.Path);
    }

    [Theory]
    [InlineData("not a time")]
    [InlineData("2026-13-45T99:00:00Z")]
    public void Validate_BadTimestamp_ReportsInvalidTimestamp(string time)
    {
        var evt = TestEvents.Inference();
        evt["event_time"] = time;
        Assert.Equal(InputErrorReason.InvalidTimestamp, Validate(evt, EventKind.Inference)?.Reason);
    }

    [Fact]
    public void Validate_TimestampBeyondClockSkew_ReportsFuture()
    {
        var evt = TestEvents.Inference();
        evt["event_time"] = "2026-11-20T10:05:01Z"; // 5 min 1 s ahead of the fake clock
        Assert.Equal(InputErrorReason.FutureTimestamp, Validate(evt, EventKind.Inference)?.Reason);
    }

    [Fact]
    public void Validate_TimestampWithinClockSkew_IsValid()
    {
        var evt = TestEvents.Inference();
        evt["event_time"] = "2026-11-20T10:04:59+00:00";
        Assert.Null(Validate(evt, EventKind.Inference));
    }

    [Fact]
    public void Validate_OldTimestamp_IsValidBackfill()
    {
        var evt = TestEvents.Inference();
        evt["event_time"] = "2019-01-01T00:00:00Z";
        Assert.Null(Validate(evt, EventKind.Inference));
    }

    [Fact]
    public void Validate_NumberOutOfDoubleRange_ReportsNonFinite()
    {
        var evt = JsonNode.Parse("""{"event_id":"e","event_time":"2026-11-20T10:00:00Z","model":{"name":"m","version":"1"},"features":{"x":1e400}}""")!.AsObject();
        var error = Validate(evt, EventKind.Inference);
        Assert.Equal(InputErrorReason.NonFiniteNumber, error?.Reason);
        Assert.Equal("$.features.x", error?.Path);
    }

    [Fact]
    public void Validate_OverlongId_ReportsTooLarge()
    {
        var evt = TestEvents.Inference();
        evt["subject_id"] = new string('x', 257);
        Assert.Equal(InputErrorReason.TooLarge, Validate(evt, EventKind.Inference)?.Reason);
    }

    [Fact]
    public void Validate_ErrorText_NeverContainsValues()
    {
        var evt = TestEvents.Inference();
        evt["event_time"] = "SECRET-TIME-VALUE";
        var error = Validate(evt, EventKind.Inference)!;
        Assert.DoesNotContain("SECRET", error.ToString(), StringComparison.Ordinal);
    }
}
