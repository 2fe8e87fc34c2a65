namespace StreamPrivacy.Core.Redaction.Operators;

/// <summary>What a redaction operator does to a sensitive value (Presidio's vocabulary plus generalise and drop).</summary>
/// <remarks>
/// Ordered loosely from least to most information kept is not implied; each kind documents its own
/// privacy semantics on its operator class. <see cref="Keep"/> is the only kind that emits the value.
/// </remarks>
public enum OperatorKind
{
    /// <summary>Replace with a fixed text, <c>&lt;ENTITY_TYPE&gt;</c> by default.</summary>
    Replace,

    /// <summary>Replace with the empty string.</summary>
    Redact,

    /// <summary>Overwrite some or all characters with a masking character.</summary>
    Mask,

    /// <summary>Keyed hash (HMAC-SHA256): a stable, non-invertible token.</summary>
    Hash,

    /// <summary>Deterministic authenticated encryption (AES-SIV): a stable token key holders can reverse.</summary>
    Encrypt,

    /// <summary>Emit the value unchanged (an explicit allow).</summary>
    Keep,

    /// <summary>Coarsen the value (numeric bucket, truncated date, truncated postcode).</summary>
    Generalize,

    /// <summary>Remove the whole field; the engine handles this kind before calling any operator.</summary>
    Drop,
}
