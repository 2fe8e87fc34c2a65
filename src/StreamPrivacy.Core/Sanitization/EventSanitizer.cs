using System.Buffers;
using System.Text.Json;
using StreamPrivacy.Core.Events;
using StreamPrivacy.Core.Redaction;

namespace StreamPrivacy.Core.Sanitization;

/// <summary>
/// The sanitize transform (DESIGN §2, stage 1) on one event's UTF-8 JSON: structural inspection,
/// consent filter, then the redaction engine (minimisation, pseudonymisation, field rules, free-text
/// PII) and finally an independent post-redaction scan of the result. Pure logic: no Kafka, no I/O.
/// </summary>
public sealed class EventSanitizer
{
    private readonly RawEventInspector _inspector;
    private readonly RedactionEngine _engine;
    private readonly PostRedactionVerifier? _verifier;

    /// <summary>Creates the transform.</summary>
    public EventSanitizer(RawEventInspector inspector, RedactionEngine engine, PostRedactionVerifier? verifier)
    {
        _inspector = inspector;
        _engine = engine;
        _verifier = verifier;
    }

    /// <summary>The redaction engine (and through it the policy).</summary>
    public RedactionEngine Engine => _engine;

    /// <summary>
    /// Sanitizes <paramref name="json"/> into <paramref name="output"/>, which must be empty (it holds the
    /// sanitized event only when emitted, so a withheld event can be discarded whole);
    /// <paramref name="counts"/> receives this event's redaction counts (pass a cleared instance).
    /// </summary>
    public SanitizeResult Sanitize(ReadOnlySpan<byte> json, EventKind kind, ArrayBufferWriter<byte> output, RedactionCounts counts)
    {
        if (output.WrittenCount != 0)
        {
            throw new ArgumentException("the output buffer must be empty", nameof(output));
        }

        var inspection = _inspector.Inspect(json, kind);
        if (inspection.Error is { } error)
        {
            return new SanitizeResult(SanitizeOutcome.Rejected, null, error, 0);
        }

        if (!inspection.ConsentGranted)
        {
            return new SanitizeResult(SanitizeOutcome.DroppedNoConsent, null, null, 0);
        }

        RedactionResult result;
        try
        {
            result = _engine.Redact(json, output, counts);
        }
        catch (JsonException)
        {
            output.ResetWrittenCount();
            return new SanitizeResult(SanitizeOutcome.Rejected, null, new InputError(InputErrorReason.MalformedJson, "$", "not well-formed JSON"), 0);
        }
        catch (InvalidSubjectException ex)
        {
            output.ResetWrittenCount();
            return new SanitizeResult(SanitizeOutcome.Rejected, null, new InputError(InputErrorReason.WrongType, _engine.Policy.SubjectField, ex.Message), 0);
        }

        if (_verifier?.FindLeak(output.WrittenSpan) is { } leak)
        {
            output.ResetWrittenCount();
            return new SanitizeResult(SanitizeOutcome.Withheld, null, new InputError(InputErrorReason.PostRedactionLeak, leak.Path, $"{leak.EntityType} found after redaction"), result.Redactions);
        }

        return new SanitizeResult(SanitizeOutcome.Emitted, result.SubjectPseudonym, null, result.Redactions);
    }
}
