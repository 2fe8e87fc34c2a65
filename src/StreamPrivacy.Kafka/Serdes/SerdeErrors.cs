using StreamPrivacy.Core.Events;

namespace StreamPrivacy.Kafka.Serdes;

/// <summary>Maps serde failures onto the pipeline's counted input-error reasons.</summary>
public static class SerdeErrors
{
    /// <summary>The counted reason for <paramref name="code"/>.</summary>
    public static InputErrorReason ToReason(SerdeErrorCode code) => code switch
    {
        SerdeErrorCode.MalformedJson => InputErrorReason.MalformedJson,
        SerdeErrorCode.InvalidUtf8 => InputErrorReason.InvalidUtf8,
        SerdeErrorCode.MalformedAvro => InputErrorReason.MalformedAvro,
        SerdeErrorCode.UnknownFingerprint => InputErrorReason.UnknownFingerprint,
        SerdeErrorCode.WrongType => InputErrorReason.WrongType,
        SerdeErrorCode.NonFiniteNumber => InputErrorReason.NonFiniteNumber,
        SerdeErrorCode.TooLarge => InputErrorReason.TooLarge,
        SerdeErrorCode.TooDeep => InputErrorReason.TooDeep,
        _ => InputErrorReason.ProcessingFailure,
    };
}
