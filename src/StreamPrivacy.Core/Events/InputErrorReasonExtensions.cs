namespace StreamPrivacy.Core.Events;

/// <summary>Stable snake_case codes for <see cref="InputErrorReason"/>, used in metrics and dead letters.</summary>
public static class InputErrorReasonExtensions
{
    /// <summary>Returns the stable wire code, e.g. <c>malformed_json</c>.</summary>
    public static string ToCode(this InputErrorReason reason) => reason switch
    {
        InputErrorReason.MalformedJson => "malformed_json",
        InputErrorReason.InvalidUtf8 => "invalid_utf8",
        InputErrorReason.MalformedAvro => "malformed_avro",
        InputErrorReason.UnknownFingerprint => "unknown_fingerprint",
        InputErrorReason.UnknownFormat => "unknown_format",
        InputErrorReason.WrongType => "wrong_type",
        InputErrorReason.MissingField => "missing_field",
        InputErrorReason.NonFiniteNumber => "non_finite_number",
        InputErrorReason.TooLarge => "too_large",
        InputErrorReason.TooDeep => "too_deep",
        InputErrorReason.InvalidTimestamp => "invalid_timestamp",
        InputErrorReason.FutureTimestamp => "future_timestamp",
        InputErrorReason.ProcessingFailure => "processing_failure",
        InputErrorReason.PostRedactionLeak => "post_redaction_leak",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}
