using System.Text;
using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Core.Redaction.Operators;

/// <summary>
/// Replaces the value with a deterministic AES-256-SIV token <c>enc:{keyId}:{b64url(SIV || ciphertext)}</c>,
/// using the entity type (or the field's rule name) passed to <see cref="Apply"/> as associated data.
/// See <see cref="DeterministicEncryptor"/> for the key derivation and token format.
/// </summary>
/// <remarks>
/// Like <see cref="HashOperator"/>, equal values give equal tokens so joins still work, but key
/// holders can recover the value with <see cref="Decrypt"/>. Because the entity type is bound as
/// associated data, equal values under different entity types give different tokens, and a token
/// copied into another field does not decrypt there. The token reveals the value's UTF-8 length.
/// </remarks>
public sealed class EncryptOperator : RedactionOperator
{
    private readonly DeterministicEncryptor _encryptor;

    /// <summary>Creates an encrypt operator; derives the AES-SIV key from <paramref name="key"/> once.</summary>
    public EncryptOperator(SecretKey key) => _encryptor = new DeterministicEncryptor(key);

    /// <inheritdoc/>
    public override OperatorKind Kind => OperatorKind.Encrypt;

    /// <summary>The id of the key, written into every token.</summary>
    public string KeyId => _encryptor.KeyId;

    /// <inheritdoc/>
    public override void Apply(ReadOnlySpan<char> value, string entityType, StringBuilder output) =>
        _encryptor.EncryptTo(value, entityType, output);

    /// <summary>
    /// Recovers the value from a token; <paramref name="associatedData"/> is the entity type or rule
    /// name the token was made under. Throws <see cref="System.Security.Cryptography.CryptographicException"/>
    /// on any tampering, wrong key id or wrong associated data.
    /// </summary>
    /// <remarks>Returns the clear value: for key holders only, never in the streaming path.</remarks>
    public static string Decrypt(string token, SecretKey key, string associatedData) =>
        DeterministicEncryptor.Decrypt(token, key, associatedData);
}
