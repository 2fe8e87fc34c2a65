using Microsoft.Extensions.Time.Testing;
using StreamPrivacy.Core.Events;
using StreamPrivacy.Core.Policy;
using StreamPrivacy.Core.Privacy;
using StreamPrivacy.Core.Redaction;
using StreamPrivacy.Core.Sanitization;

namespace StreamPrivacy.Core.Tests.Sanitization;

public sealed class EventSanitizerTests
{
    private readonly EventSanitizer _sanitizer = new(
        SanitizePolicy.Default,
        new RawEventValidator(new EventValidationOptions(), new FakeTimeProvider(TestEvents.Now)),
        new SubjectPseudonymizer(new SecretKey(new byte[32], "pk-1")));

    [Fact]
    public void Sanitize_ConsentedEvent_EmitsMinimisedPseudonymisedEvent()
    {
        var result = _sanitizer.Sanitize(TestEvents.Inference(), EventKind.Inference);

        Assert.Equal(SanitizeOutcome.Emitted, result.Outcome);
        var evt = result.Event!;
        Assert.StartsWith("ps_", evt["subject_id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(result.SubjectPseudonym, evt["subject_id"]!.GetValue<string>());
        Assert.Equal("pk-1", evt["subject_key_id"]!.GetValue<string>());
        Assert.False(evt.ContainsKey("attributes"));
        Assert.Equal("default-1", evt["sanitization"]!["policy_version"]!.GetValue<string>());
        Assert.DoesNotContain("customer-8812", evt.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-CONTACT", evt.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitize_NoMonitoringConsent_Drops()
    {
        var result = _sanitizer.Sanitize(TestEvents.Inference("s", "marketing"), EventKind.Inference);
        Assert.Equal(SanitizeOutcome.DroppedNoConsent, result.Outcome);
        Assert.Null(result.Event);
    }

    [Fact]
    public void Sanitize_Malformed_RejectsWithReason()
    {
        var evt = TestEvents.Inference();
        evt["event_id"] = 5;
        var result = _sanitizer.Sanitize(evt, EventKind.Inference);
        Assert.Equal(SanitizeOutcome.Rejected, result.Outcome);
        Assert.Equal(InputErrorReason.WrongType, result.Error?.Reason);
    }

    [Fact]
    public void Sanitize_MalformedWithoutConsent_IsRejectedNotSilentlyDropped()
    {
        var evt = TestEvents.Inference("s", "marketing");
        evt["features"] = "broken";
        Assert.Equal(SanitizeOutcome.Rejected, _sanitizer.Sanitize(evt, EventKind.Inference).Outcome);
    }

    [Fact]
    public void Sanitize_NoSubject_EmitsWithoutPseudonym()
    {
        var evt = TestEvents.Inference(subject: null);
        var result = _sanitizer.Sanitize(evt, EventKind.Inference);
        Assert.Equal(SanitizeOutcome.Emitted, result.Outcome);
        Assert.Null(result.SubjectPseudonym);
        Assert.False(result.Event!.ContainsKey("subject_key_id"));
    }
}
