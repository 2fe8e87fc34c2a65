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
    private readonly Lazy<IPiiDetector>? _ner;

    // Clean verdicts of this factory's engines, taken by its verifier only when the verifier's detectors are a
    // subset of the engines' (no built-in type disabled): then a second scan of those strings cannot differ.
    private readonly CleanVerdicts _verdicts = new();

    /// <summary>Creates a factory.</summary>
    /// <param name="policy">The sanitize policy.</param>
    /// <param name="keys">Key material for pseudonyms and operators.</param>
    /// <param name="time">Clock for event-time checks.</param>
    /// <param name="nerBackend">
    /// Builds the detector for the policy's <c>free_text.ner</c> model (e.g. the ONNX backend); null in hosts
    /// without one, where a policy naming a model is refused.
    /// </param>
    /// <exception cref="PolicyException">The policy names a NER model and no backend was given.</exception>
    public SanitizerFactory(SanitizePolicy policy, KeyRing keys, TimeProvider time, Func<NerModelSpec, IPiiDetector>? nerBackend = null)
    {
        policy.Validate();
        _policy = policy;
        _keys = keys;
        _time = time;
        if (policy.Ner is { } spec)
        {
            if (nerBackend is null)
            {
                throw new PolicyException("free_text.ner names a model, but this host has no NER backend");
            }

            // One model per factory, shared by every engine it builds (loading a model is expensive).
            _ner = new Lazy<IPiiDetector>(() => nerBackend(spec), LazyThreadSafetyMode.ExecutionAndPublication);
        }
    }

    /// <summary>The detectors the policy enables: built-ins not disabled, custom detectors, and the NER model if one is named.</summary>
    public IReadOnlyList<IPiiDetector> CreateDetectors()
    {
        var detectors = PiiDetectors.CreateDefault(new PiiDetectorOptions { PhoneRegions = _policy.PhoneRegions })
            .Where(d => !_policy.DisabledEntities.Contains(d.EntityType, StringComparer.Ordinal))
            .ToList();
        if (_ner is not null)
        {
            detectors.Add(_ner.Value);
        }

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
        maxDepth,
        _verdicts);

    /// <summary>
    /// The independent post-redaction verifier: all built-in detectors (whatever the policy disabled)
    /// plus the custom ones, exempting only fields the policy keeps on purpose. A NER model is not run a
    /// second time: its findings were redacted by the engine, and the built-in PERSON detector checks again.
    /// </summary>
    public PostRedactionVerifier CreateVerifier()
    {
        var custom = CreateDetectors().Where(d => !EntityTypes.BuiltIn.Contains(d.EntityType, StringComparer.Ordinal) && (_ner is null || !ReferenceEquals(d, _ner.Value)));
        var detectors = PiiDetectors.CreateDefault(new PiiDetectorOptions { PhoneRegions = _policy.PhoneRegions }).Concat(custom);
        var exempt = _policy.FieldRules.Where(r => r.Operator.Kind == OperatorKind.Keep).Select(r => r.Path);
        return new PostRedactionVerifier(new TextScanner(detectors, _policy.MinScore), exempt, _policy.DisabledEntities.Count == 0 ? _verdicts : null);
    }

    /// <summary>The streaming sanitize transform.</summary>
    public EventSanitizer CreateEventSanitizer(EventValidationOptions validation, int maxDepth) => new(
        new RawEventInspector(validation, _time, _policy.RequiredPurposes, maxDepth + 1),
        CreateEngine(annotate: true, maxDepth + 1),
        CreateVerifier());

    /// <summary>The offline JSON-lines redactor (events get the full policy; other documents get rules and scanning).</summary>
    /// <param name="verify">Run the post-redaction verifier on every line (the default, as in the streaming stage).</param>
    /// <param name="maxDepth">Deepest accepted nesting.</param>
    public JsonLinesRedactor CreateJsonLinesRedactor(bool verify = true, int maxDepth = 64) => new(
        CreateEngine(annotate: false, maxDepth),
        CreateEngine(annotate: false, maxDepth, _policy.WithMinimization(MinimizationMode.Off)),
        new RawEventInspector(new EventValidationOptions(), _time, _policy.RequiredPurposes, maxDepth),
        verify ? CreateVerifier() : null);

    private static ChecksumKind ParseChecksum(string checksum) => checksum switch
    {
        "luhn" => ChecksumKind.Luhn,
        "mod97" => ChecksumKind.Mod97,
        _ => ChecksumKind.None,
    };
}
