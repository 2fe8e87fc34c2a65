namespace StreamPrivacy.Core.Redaction.Operators;

/// <summary>
/// The policy-file description of one operator, shaped so a YAML loader can fill it (snake_case keys
/// map to these properties: <c>new_value</c>, <c>masking_char</c>, <c>chars_to_mask</c>, <c>from_end</c>,
/// <c>key_name</c>, <c>generalize_mode</c>, <c>bucket_width</c>, <c>bucket_origin</c>, <c>date_unit</c>,
/// <c>keep_chars</c>). Turn it into an operator with <see cref="OperatorFactory.Create"/>.
/// </summary>
/// <param name="Kind">What the operator does.</param>
/// <param name="NewValue">Replace: the replacement text; null means <c>&lt;ENTITY_TYPE&gt;</c>.</param>
/// <param name="MaskingChar">Mask: the masking character.</param>
/// <param name="CharsToMask">Mask: how many characters to mask (≥ 1; default all).</param>
/// <param name="FromEnd">Mask: mask the last characters instead of the first.</param>
/// <param name="KeyName">Hash/Encrypt: the name of the key, resolved to key material outside the policy.</param>
/// <param name="GeneralizeMode">Generalize: which generalization.</param>
/// <param name="BucketWidth">Generalize/NumericBucket: bucket width (&gt; 0).</param>
/// <param name="BucketOrigin">Generalize/NumericBucket: where buckets are aligned (default 0).</param>
/// <param name="DateUnit">Generalize/DateTruncate: <c>year</c>, <c>month</c>, <c>day</c> or <c>hour</c> (case-insensitive).</param>
/// <param name="KeepChars">Generalize/PostcodeTruncate: how many letters and digits to keep (≥ 1).</param>
/// <remarks>
/// Key material never appears in a spec: only <see cref="KeyName"/>, which the factory's key
/// resolver maps to a <see cref="Privacy.SecretKey"/> loaded from the environment or a file. A
/// policy file can therefore be reviewed and committed without exposing secrets.
/// </remarks>
public sealed record OperatorSpec(
    OperatorKind Kind,
    string? NewValue = null,
    char MaskingChar = '*',
    int CharsToMask = int.MaxValue,
    bool FromEnd = false,
    string? KeyName = null,
    GeneralizeMode? GeneralizeMode = null,
    double? BucketWidth = null,
    double? BucketOrigin = null,
    string? DateUnit = null,
    int? KeepChars = null)
{
    /// <summary>
    /// Throws <see cref="ArgumentException"/> naming the first problem, e.g.
    /// <c>mask: chars_to_mask must be >= 1</c>. Options that do not apply to the kind (or mode) are
    /// errors, so a typo in a policy cannot silently weaken it.
    /// </summary>
    /// <remarks>Validation only; keys are resolved (and checked) by <see cref="OperatorFactory.Create"/>.</remarks>
    public void Validate()
    {
        var kind = KindName(Kind);
        if (!Enum.IsDefined(Kind))
        {
            throw new ArgumentException($"unknown operator kind {(int)Kind}", nameof(Kind));
        }

        Forbid(Kind != OperatorKind.Replace && NewValue is not null, kind, "new_value", nameof(NewValue));
        var isMask = Kind == OperatorKind.Mask;
        Forbid(!isMask && MaskingChar != '*', kind, "masking_char", nameof(MaskingChar));
        Forbid(!isMask && CharsToMask != int.MaxValue, kind, "chars_to_mask", nameof(CharsToMask));
        Forbid(!isMask && FromEnd, kind, "from_end", nameof(FromEnd));
        var isKeyed = Kind is OperatorKind.Hash or OperatorKind.Encrypt;
        Forbid(!isKeyed && KeyName is not null, kind, "key_name", nameof(KeyName));
        var isGeneralize = Kind == OperatorKind.Generalize;
        Forbid(!isGeneralize && GeneralizeMode is not null, kind, "generalize_mode", nameof(GeneralizeMode));
        var mode = GeneralizeMode;
        var where = isGeneralize && mode is not null ? $"{kind}/{ModeName(mode.Value)}" : kind;
        Forbid(mode != Operators.GeneralizeMode.NumericBucket && BucketWidth is not null, where, "bucket_width", nameof(BucketWidth));
        Forbid(mode != Operators.GeneralizeMode.NumericBucket && BucketOrigin is not null, where, "bucket_origin", nameof(BucketOrigin));
        Forbid(mode != Operators.GeneralizeMode.DateTruncate && DateUnit is not null, where, "date_unit", nameof(DateUnit));
        Forbid(mode != Operators.GeneralizeMode.PostcodeTruncate && KeepChars is not null, where, "keep_chars", nameof(KeepChars));

        switch (Kind)
        {
            case OperatorKind.Mask:
                Require(CharsToMask >= 1, "mask: chars_to_mask must be >= 1", nameof(CharsToMask));
                Require(!char.IsSurrogate(MaskingChar) && !char.IsControl(MaskingChar), "mask: masking_char must be one printable character", nameof(MaskingChar));
                break;
            case OperatorKind.Hash or OperatorKind.Encrypt:
                Require(!string.IsNullOrWhiteSpace(KeyName), $"{kind}: key_name is required (the name of a key loaded from the environment or a file)", nameof(KeyName));
                break;
            case OperatorKind.Generalize:
                ValidateGeneralize(where);
                break;
            default:
                break;
        }
    }

    /// <summary>Parses <see cref="DateUnit"/>; call after <see cref="Validate"/>.</summary>
    internal DateTruncateUnit ParsedDateUnit() => ParseDateUnit(DateUnit) ?? throw new ArgumentException("generalize/date_truncate: date_unit is required", nameof(DateUnit));

    /// <summary>Converts <see cref="BucketWidth"/> to decimal; call after <see cref="Validate"/>.</summary>
    internal decimal DecimalWidth() => ToDecimal(BucketWidth) ?? throw new ArgumentException("generalize/numeric_bucket: bucket_width is required", nameof(BucketWidth));

    /// <summary>Converts <see cref="BucketOrigin"/> to decimal (0 when absent); call after <see cref="Validate"/>.</summary>
    internal decimal DecimalOrigin() => BucketOrigin is null ? 0m : ToDecimal(BucketOrigin) ?? 0m;

    private void ValidateGeneralize(string where)
    {
        switch (GeneralizeMode)
        {
            case null:
                throw Invalid("generalize: generalize_mode is required (numeric_bucket, date_truncate or postcode_truncate)", nameof(GeneralizeMode));
            case Operators.GeneralizeMode.NumericBucket:
                Require(BucketWidth is not null, $"{where}: bucket_width is required", nameof(BucketWidth));
                Require(ToDecimal(BucketWidth) is > 0m, $"{where}: bucket_width must be a positive finite number", nameof(BucketWidth));
                Require(BucketOrigin is null || ToDecimal(BucketOrigin) is not null, $"{where}: bucket_origin must be a finite number", nameof(BucketOrigin));
                break;
            case Operators.GeneralizeMode.DateTruncate:
                Require(DateUnit is not null, $"{where}: date_unit is required (year, month, day or hour)", nameof(DateUnit));
                Require(ParseDateUnit(DateUnit) is not null, $"{where}: date_unit must be year, month, day or hour, not '{DateUnit}'", nameof(DateUnit));
                break;
            case Operators.GeneralizeMode.PostcodeTruncate:
                Require(KeepChars is not null, $"{where}: keep_chars is required", nameof(KeepChars));
                Require(KeepChars >= 1, $"{where}: keep_chars must be >= 1", nameof(KeepChars));
                break;
            default:
                throw Invalid($"generalize: unknown generalize_mode {(int)GeneralizeMode}", nameof(GeneralizeMode));
        }
    }

    private static DateTruncateUnit? ParseDateUnit(string? unit) => unit?.Trim().ToUpperInvariant() switch
    {
        "YEAR" => DateTruncateUnit.Year,
        "MONTH" => DateTruncateUnit.Month,
        "DAY" => DateTruncateUnit.Day,
        "HOUR" => DateTruncateUnit.Hour,
        _ => null,
    };

    private static decimal? ToDecimal(double? value)
    {
        if (value is not { } v || !double.IsFinite(v))
        {
            return null;
        }

        try
        {
            return (decimal)v;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static void Forbid(bool present, string where, string option, string parameter)
    {
        if (present)
        {
            throw new ArgumentException($"{where}: {option} does not apply", parameter);
        }
    }

    private static ArgumentException Invalid(string message, string option) => new(message, option);

    private static void Require(bool condition, string message, string parameter)
    {
        if (!condition)
        {
            throw new ArgumentException(message, parameter);
        }
    }

    private static string KindName(OperatorKind kind) => kind.ToString().ToLowerInvariant();

    private static string ModeName(GeneralizeMode mode) => mode switch
    {
        Operators.GeneralizeMode.NumericBucket => "numeric_bucket",
        Operators.GeneralizeMode.DateTruncate => "date_truncate",
        Operators.GeneralizeMode.PostcodeTruncate => "postcode_truncate",
        _ => mode.ToString(),
    };
}
