namespace StreamPrivacy.Core.Privacy;

/// <summary>An AES-GCM ciphertext (tag appended) with its nonce and the id of the key that made it.</summary>
public sealed record EncryptedPayload(string KeyId, byte[] Nonce, byte[] Ciphertext);
