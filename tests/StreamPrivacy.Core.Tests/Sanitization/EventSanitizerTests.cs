using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using StreamPrivacy.Core.Events;
using StreamPrivacy.Core.Policy;
using StreamPrivacy.Core.Redaction;
using StreamPrivacy.Core.Sanitization;

namespace StreamPrivacy.Core.Tests.Sanitization;

public sealed class EventSanitizerTests
{
    private readonly EventSanitizer _sanitizer = TestSanitizers.Factory(PolicyLoader.Default)
        .CreateEventSanitizer(new EventValidationOptions(), maxDepth: 32);

    private (SanitizeResult Result, JsonObject? Output, RedactionCounts Counts) Run(JsonObject evt, EventKind kind = EventKind.Inference)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var counts = new RedactionCounts();
        var result = _sanitizer.Sanitize(JsonSerializer.SerializeToUtf8Bytes(evt), kind, buffer, counts);
        return (result, buffer.WrittenCount == 0 ? null : JsonNode.Parse(buffer.WrittenSpan)!.AsObject(), counts);
    }

    [Fact]
    public void Sanitize_ConsentedEvent_EmitsMinimisedPseudonymisedRedactedEvent()
    {
        var evt = TestEvents.Inference();
        evt["text"]!["prompt"] = "Mail jane.doe@example.com or call +44 20 7946 0958, card 4111 1111 1111 1111.";
        var (result, output, counts) = Run(evt);

        Assert.Equal(SanitizeOutcome.Emitted, result.Outcome);
        var json = output!.ToJsonString();
        Assert.StartsWith("ps_", output["subject_id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(result.SubjectPseudonym, output["subject_id"]!.GetValue<string>());
        Assert.Equal(TestSanitizers.PseudonymKeyId, output["subject_key_id"]!.GetValue<string>());
        Assert.False(output.ContainsKey("attributes"));
        Assert.Equal("Mail <EMAIL_ADDRESS> or call <PHONE_NUMBER>, card <CREDIT_CARD>.", output["text"]!["prompt"]!.GetValue<string>());
        Assert.Equal(1, output["sanitization"]!["redaction_counts"]!["EMAIL_ADDRESS"]!.GetValue<long>());
        Assert.Equal(1, output["sanitization"]!["fields_removed"]!.GetValue<long>());
        Assert.Equal(3, counts.Total);
        Assert.DoesNotContain("customer-8812", json, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-CONTACT", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitize_NoMonitoringConsent_Drops()
    {
        var (result, output, _) = Run(TestEvents.Inference("s", "marketing"));
        Assert.Equal(SanitizeOutcome.DroppedNoConsent, result.Outcome);
        Assert.Null(output);
    }

    [Fact]
    public void Sanitize_Malformed_RejectsWithReason()
    {
        var evt = TestEvents.Inference();
        evt["event_id"] = 5;
        var (result, _, _) = Run(evt);
        Assert.Equal(SanitizeOutcome.Rejected, result.Outcome);
        Assert.Equal(InputErrorReason.WrongType, result.Error?.Reason);
    }

    [Fact]
    public void Sanitize_MalformedWithoutConsent_IsRejectedNotSilentlyDropped()
    {
        var evt = TestEvents.Inference("s", "marketing");
        evt["features"] = "broken";
        Assert.Equal(SanitizeOutcome.Rejected, Run(evt).Result.Outcome);
    }

    [Fact]
    public void Sanitize_NoSubject_EmitsWithoutPseudonym()
    {
        var (result, output, _) = Run(TestEvents.Inference(subject: null));
        Assert.Equal(SanitizeOutcome.Emitted, result.Outcome);
        Assert.Null(result.SubjectPseudonym);
        Assert.False(output!.ContainsKey("subject_key_id"));
    }

    [Fact]
    public void Sanitize_KeepRuleWithPii_IsWithheldByVerifier()
    {
        var policy = PolicyLoader.Parse("""
            field_rules:
              - path: $.text.response
                operator: keep
            free_text:
              disabled_entities: [EMAIL_ADDRESS]
            """, "t.yaml");
        var sanitizer = TestSanitizers.Factory(policy).CreateEventSanitizer(new EventValidationOptions(), 32);
        var evt = TestEvents.Inference();
        evt["text"]!["prompt"] = "reach me at jane@example.com";
        var buffer = new ArrayBufferWriter<byte>();
        var result = sanitizer.Sanitize(JsonSerializer.SerializeToUtf8Bytes(evt), EventKind.Inference, buffer, new RedactionCounts());

        // Email detection is disabled in the policy, but the independent verifier still finds it.
        Assert.Equal(SanitizeOutcome.Withheld, result.Outcome);
        Assert.Equal(InputErrorReason.PostRedactionLeak, result.Error?.Reason);
        Assert.Equal("$.text.prompt", result.Error?.Path);
        Assert.DoesNotContain("jane", result.Error!.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, buffer.WrittenCount);
    }

    [Fact]
    public void Sanitize_ReservedAnnotationFieldsInInput_AreReplaced()
    {
        var evt = TestEvents.Inference();
        evt["sanitization"] = "forged";
        var (_, output, _) = Run(evt);
        Assert.IsType<JsonObject>(output!["sanitization"]);
        Assert.Single(output, kv => kv.Key == "sanitization");
    }

    [Fact]
    public void Sanitize_NameInModelResponse_IsRedactedAndRaisesPiiInModelOutputForPerson()
    {
        var evt = TestEvents.Inference();
        evt["text"]!["response"] = "Dear Maria Garcia, Dr. Okafor approved your limit.";
        var (result, output, counts) = Run(evt);

        Assert.Equal(SanitizeOutcome.Emitted, result.Outcome);
        Assert.Equal("Dear <PERSON>, Dr. <PERSON> approved your limit.", output!["text"]!["response"]!.GetValue<string>());
        Assert.Equal(2, counts.ByEntity["PERSON"]);
        Assert.Equal(2, output["sanitization"]!["output_redactions"]!["$.text.response"]!["PERSON"]!.GetValue<long>());

        var signals = Core.Leakage.LeakageSignalReader.Read(System.Text.Encoding.UTF8.GetBytes(output.ToJsonString()), Core.Leakage.CanarySet.Empty(new Core.Privacy.SecretKey(new byte[32], "canary")))!;
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        var monitor = new Core.Leakage.LeakageMonitor(new Core.Leakage.LeakageSettings(), time);
        monitor.ObserveEvent(signals);
        time.Advance(TimeSpan.FromMinutes(1));
        var alert = Assert.Single(monitor.CloseReady());
        Assert.Equal(Core.Leakage.LeakageKind.PiiInModelOutput, alert.Finding.Kind);
        Assert.Equal("PERSON", alert.Finding.EntityType);
    }
}
