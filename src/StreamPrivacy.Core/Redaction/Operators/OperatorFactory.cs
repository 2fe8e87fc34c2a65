using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Core.Redaction.Operators;

/// <summary>Builds <see cref="RedactionOperator"/>s from policy <see cref="OperatorSpec"/>s.</summary>
/// <remarks>
/// Keys never come from the spec: the spec names a key and <c>keyResolver</c> supplies it (from the
/// environment or a key file). Operators are immutable and thread-safe, so build each once per
/// policy load and share it.
/// </remarks>
public static class OperatorFactory
{
    /// <summary>
    /// Validates <paramref name="spec"/> (throwing <see cref="ArgumentException"/> naming the problem)
    /// and builds its operator; <paramref name="keyResolver"/> is called only for Hash and Encrypt.
    /// </summary>
    /// <remarks>
    /// A resolver that returns null, or throws, fails the whole policy load: a keyed operator never
    /// silently falls back to an unkeyed one.
    /// </remarks>
    public static RedactionOperator Create(OperatorSpec spec, Func<string, SecretKey> keyResolver)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(keyResolver);
        spec.Validate();
        return spec.Kind switch
        {
            OperatorKind.Replace => new ReplaceOperator(spec.NewValue),
            OperatorKind.Redact => new RedactOperator(),
            OperatorKind.Mask => new MaskOperator(spec.MaskingChar, spec.CharsToMask, spec.FromEnd),
            OperatorKind.Hash => new HashOperator(Resolve(spec, keyResolver)),
            OperatorKind.Encrypt => new EncryptOperator(Resolve(spec, keyResolver)),
            OperatorKind.Keep => new KeepOperator(),
            OperatorKind.Generalize => spec.GeneralizeMode switch
            {
                GeneralizeMode.NumericBucket => GeneralizeOperator.NumericBucket(spec.DecimalWidth(), spec.DecimalOrigin()),
                GeneralizeMode.DateTruncate => GeneralizeOperator.DateTruncate(spec.ParsedDateUnit()),
                _ => GeneralizeOperator.PostcodeTruncate(spec.KeepChars ?? 0),
            },
            OperatorKind.Drop => new DropOperator(),
            _ => throw new ArgumentException($"unknown operator kind {(int)spec.Kind}", nameof(spec)),
        };
    }

    private static SecretKey Resolve(OperatorSpec spec, Func<string, SecretKey> keyResolver)
    {
        var name = spec.KeyName!;
        var kind = spec.Kind.ToString().ToLowerInvariant();
        SecretKey? key;
        try
        {
            key = keyResolver(name);
        }
        catch (Exception exception) when (exception is not ArgumentException)
        {
            throw new ArgumentException($"{kind}: key '{name}' could not be loaded: {exception.Message}", nameof(spec), exception);
        }

        return key ?? throw new ArgumentException($"{kind}: key '{name}' is not configured", nameof(spec));
    }
}
