using StreamPrivacy.Core.Events;
using StreamPrivacy.Core.Policy;
using StreamPrivacy.Core.Privacy;
using StreamPrivacy.Core.Redaction;
using StreamPrivacy.Core.Redaction.Detection;
using StreamPrivacy.Core.Redaction.Offline;
using StreamPrivacy.Core.Redaction.Operators;

namespace StreamPrivacy.Core.Sanitization;

/// <summary>
/// Builds the sanitize transform's parts from a policy and a key ring, the one place that wires
/// detectors, operators, the redaction engine and the post-redaction verifier together, for the
/// streaming stage and the offline command alike.
/// </summary>
public sealed class SanitizerFactory
{
    private readonly SanitizePolicy _policy;
    private readonly KeyRing _keys;
    private readonly TimeProvider _time;

    /// <summary>Creates a factory.</summary>
    public SanitizerFactory(SanitizePolicy policy, KeyRing keys, TimeProvider time)
    {
        policy.Validate();
        _policy = policy;
        _keys = keys;
        _time = time;
    }

    /// <summary>The detectors the policy enables: built-ins not disabled, plus custom detectors.</summary>
    public IReadOnlyList<IPiiDetector> CreateDetectors()
    {
        var detectors = PiiDetectors.CreateDefault(new PiiDetectorOptions { PhoneRegions = _policy.PhoneRegions })
            .Where(d => !_policy.DisabledEntities.Contains(d.EntityType, StringComparer.Ordinal))
            .ToList();
        foreach (var custom in _policy.CustomDetectors)
        {
            detectors.Add(custom.Pattern is not null
                ? new RegexDetector(custom.EntityType, custom.Pattern, ParseChecksum(custom.Checksum), custom.Score)
                : new DictionaryDetector(custom.EntityType, custom.Terms!, custom.CaseSensitive, wholeWord: true, score: custom.Score));
        }

        return detectors;
    }

    /// <summary>The redaction engine; <paramref name="annotate"/> adds the sanitization summary (streaming events).</summary>
    public RedactionEngine CreateEngine(bool annotate, int maxDepth, SanitizePolicy? policy = null) => new(
        policy ?? _policy,
        new TextScanner(CreateDetectors(), _policy.MinScore),
        spec => OperatorFactory.Create(spec, _keys.Get),
        new SubjectPseudonymizer(() => _keys.Get(KeyNames.Pseudonym)),
        annotate,
        maxDepth);

    /// <summary>
    /// The independent post-redaction verifier: all built-in detectors (whatever the policy disabled)
    /// plus the custom ones, exempting only fields the policy keeps on purpose.
    /// </summary>
    public PostRedactionVerifier CreateVerifier()
    {
        var custom = CreateDetectors().Where(d => !EntityTypes.BuiltIn.Contains(d.EntityType, StringComparer.Ordinal));
        var detectors = PiiDetectors.CreateDefault(new PiiDetectorOptions { PhoneRegions = _policy.PhoneRegions }).Concat(custom);
        var exempt = _policy.FieldRules.Where(r => r.Operator.Kind == OperatorKind.Keep).Select(r => r.Path);
        return new PostRedactionVerifier(new TextScanner(detectors, _policy.MinScore), exempt);
    }

    /// <summary>The streaming sanitize transform.</summary>
    public EventSanitizer CreateEventSanitizer(EventValidationOptions validation, int maxDepth) => new(
        new RawEventInspector(validation, _time, _policy.RequiredPurposes, maxDepth + 1),
        CreateEngine(annotate: true, maxDepth + 1),
        CreateVerifier());

    /// <summary>The offline JSON-lines redactor (events get the full policy; other documents get rules and scanning).</summary>
    /// <param name="verify">Run the post-redaction verifier on every line; null decides by <see cref="VerificationCanFindMore"/>.</param>
    /// <param name="maxDepth">Deepest accepted nesting.</param>
    public JsonLinesRedactor CreateJsonLinesRedactor(bool? verify = null, int maxDepth = 64) => new(
        CreateEngine(annotate: false, maxDepth),
        CreateEngine(annotate: false, maxDepth, _policy.WithMinimization(MinimizationMode.Off)),
        new RawEventInspector(new EventValidationOptions(), _time, _policy.RequiredPurposes, maxDepth),
        verify ?? VerificationCanFindMore ? CreateVerifier() : null);

    /// <summary>
    /// True when the post-redaction verifier can find something the engine's own scan could not: the
    /// policy disables built-in entity types, or uses operators that keep part of a value (mask,
    /// generalize). Otherwise every string was scanned by the same detectors at the same threshold and
    /// each detection replaced by a token, so a second scan is redundant (the streaming stage verifies
    /// regardless, as defence in depth).
    /// </summary>
    public bool VerificationCanFindMore =>
        _policy.DisabledEntities.Count > 0
        || _policy.EntityOperators.Values.Concat(_policy.FieldRules.Select(r => r.Operator))
            .Any(o => o.Kind is OperatorKind.Mask or OperatorKind.Generalize);

    private static ChecksumKind ParseChecksum(string checksum) => checksum switch
    {
        "luhn" => ChecksumKind.Luhn,
        "mod97" => ChecksumKind.Mod97,
        _ => ChecksumKind.None,
    };
}
