using StreamPrivacy.Core.Redaction.Operators;
using StreamPrivacy.Core.Redaction.Paths;

namespace StreamPrivacy.Core.Policy;

/// <summary>
/// What the sanitize stage lets through (DESIGN §2): the consent purposes an event must carry, the
/// fields that survive minimisation, explicit field rules, free-text PII scanning with an operator
/// per entity type, subject pseudonymisation and custom detectors. Keys are referenced by name only;
/// their material comes from files or environment variables, never from the policy.
/// </summary>
public sealed record SanitizePolicy
{
    /// <summary>The policy's version, recorded on every sanitized event.</summary>
    public string Version { get; init; } = "default-1";

    /// <summary>Purposes an event's <c>consent</c> list must contain (all of them). Default: <c>monitoring</c>.</summary>
    public IReadOnlyList<string> RequiredPurposes { get; init; } = ["monitoring"];

    /// <summary>Minimisation mode. Default: allowlist (deny by default).</summary>
    public MinimizationMode Minimization { get; init; } = MinimizationMode.Allowlist;

    /// <summary>Allowed field paths in allowlist mode; a path allows its whole subtree.</summary>
    public IReadOnlyList<string> AllowedFields { get; init; } =
    [
        "event_id", "event_time", "model", "subject_id", "consent", "features", "feature_set",
        "source", "prediction", "label", "text", "trace_id",
    ];

    /// <summary>Path of the subject identifier, pseudonymised with the <c>pseudonym</c> key.</summary>
    public string SubjectField { get; init; } = "$.subject_id";

    /// <summary>Whether the subject identifier is pseudonymised. Default true.</summary>
    public bool PseudonymizeSubject { get; init; } = true;

    /// <summary>Explicit per-field treatments; first match wins.</summary>
    public IReadOnlyList<FieldRule> FieldRules { get; init; } = [];

    /// <summary>Whether every string not covered by a field rule is scanned for PII. Default true.</summary>
    public bool ScanFreeText { get; init; } = true;

    /// <summary>Detections below this score are ignored. Default 0.4 (possible-but-unassigned phone numbers score 0.45, a bare "::" 0.4).</summary>
    public double MinScore { get; init; } = 0.4;

    /// <summary>Operator per entity type; <c>DEFAULT</c> applies to types not listed. Default: replace with <c>&lt;TYPE&gt;</c>.</summary>
    public IReadOnlyDictionary<string, OperatorSpec> EntityOperators { get; init; } =
        new Dictionary<string, OperatorSpec>(StringComparer.Ordinal) { [DefaultEntityKey] = new OperatorSpec(OperatorKind.Replace) };

    /// <summary>Built-in entity types not to detect.</summary>
    public IReadOnlyList<string> DisabledEntities { get; init; } = [];

    /// <summary>Phone number regions tried for national formats.</summary>
    public IReadOnlyList<string> PhoneRegions { get; init; } = ["US", "GB", "DE", "FR", "IN"];

    /// <summary>Policy-defined detectors.</summary>
    public IReadOnlyList<CustomDetectorSpec> CustomDetectors { get; init; } = [];

    /// <summary>An optional token-classification model whose findings join the built-in detectors'.</summary>
    public NerModelSpec? Ner { get; init; }

    /// <summary>
    /// Accept the settings listed by <see cref="UnsafeSettings"/>. Without it a policy that would let PII
    /// through is refused; with it the policy loads and every host logs the list as a warning at start.
    /// </summary>
    public bool AllowUnsafe { get; init; }

    /// <summary>Key of <see cref="EntityOperators"/> that applies to unlisted entity types.</summary>
    public const string DefaultEntityKey = "DEFAULT";

    /// <summary>The shipped default of <see cref="MinScore"/>; a higher threshold lets weaker detections through.</summary>
    public const double ShippedMinScore = 0.4;

    /// <summary>
    /// The settings of this policy that let personal data through unredacted, each described without values:
    /// free-text scanning off, an entity type (or <c>DEFAULT</c>) kept as it is, a score threshold above the
    /// shipped default (fewer detections redacted), and subject identifiers written without pseudonymisation.
    /// Empty for a safe policy. A policy with any of them is refused unless <see cref="AllowUnsafe"/> is set.
    /// </summary>
    public IReadOnlyList<string> UnsafeSettings
    {
        get
        {
            var settings = new List<string>();
            if (!ScanFreeText)
            {
                settings.Add("free_text.scan is false: strings not covered by a field rule are written unscanned");
            }

            foreach (var (entity, spec) in EntityOperators.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                if (spec.Kind == OperatorKind.Keep)
                {
                    settings.Add($"free_text.entities.{entity} uses operator keep: detected values are written unredacted");
                }
            }

            if (MinScore > ShippedMinScore)
            {
                settings.Add(FormattableString.Invariant($"free_text.min_score {MinScore} is above the shipped default {ShippedMinScore}: weaker detections are not redacted"));
            }

            if (!PseudonymizeSubject)
            {
                settings.Add("subject.pseudonymize is false: subject identifiers are written as they are");
            }

            return settings;
        }
    }

    /// <summary>A copy of this policy with another minimisation mode.</summary>
    public SanitizePolicy WithMinimization(MinimizationMode mode) => this with { Minimization = mode };

    /// <summary>The operator for <paramref name="entityType"/>.</summary>
    public OperatorSpec OperatorFor(string entityType) =>
        EntityOperators.TryGetValue(entityType, out var spec) ? spec
        : EntityOperators.TryGetValue(DefaultEntityKey, out var fallback) ? fallback
        : new OperatorSpec(OperatorKind.Replace);

    /// <summary>Throws <see cref="ArgumentException"/> naming the problem when the policy is unusable.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Version))
        {
            throw new ArgumentException("policy version must not be empty");
        }

        if (RequiredPurposes.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("required purposes must not be empty strings");
        }

        foreach (var path in AllowedFields.Append(SubjectField))
        {
            try
            {
                FieldPath.Parse(path);
            }
            catch (FormatException ex)
            {
                throw new ArgumentException(ex.Message, ex);
            }
        }

        if (MinScore is < 0 or > 1)
        {
            throw new ArgumentException("min_score must be between 0 and 1");
        }

        if (Ner is { } ner && (string.IsNullOrWhiteSpace(ner.ModelDirectory) || ner.MinScore is < 0 or > 1 || ner.Labels.Count == 0))
        {
            throw new ArgumentException("free_text.ner needs a model directory, a min_score between 0 and 1 and at least one label");
        }

        if (!AllowUnsafe && UnsafeSettings is { Count: > 0 } unsafeSettings)
        {
            throw new ArgumentException($"unsafe policy refused: {string.Join("; ", unsafeSettings)}. Set allow_unsafe: true to accept it (it is then logged as a warning at every start)");
        }

        foreach (var rule in FieldRules)
        {
            rule.Operator.Validate();
        }

        foreach (var spec in EntityOperators.Values)
        {
            spec.Validate();
        }
    }
}
