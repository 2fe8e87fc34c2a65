namespace StreamPrivacy.Core.Leakage;

/// <summary>The kinds of leakage signal the leakage stage watches for.</summary>
public enum LeakageKind
{
    /// <summary>PII was found (and redacted) in a model output: the model emits personal data.</summary>
    PiiInModelOutput = 0,

    /// <summary>A registered canary string appeared in a model output: a memorisation signal.</summary>
    CanaryHit = 1,

    /// <summary>A client's query rate or near-duplicate share was far above normal: probing or model extraction.</summary>
    Probing = 2,

    /// <summary>Post-redaction verification still found PII and withheld records.</summary>
    PostRedactionHit = 3,
}
