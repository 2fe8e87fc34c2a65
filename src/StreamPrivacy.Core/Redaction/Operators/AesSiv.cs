using System.Buffers;
using System.Security.Cryptography;

namespace StreamPrivacy.Core.Redaction.Operators;

/// <summary>
/// AES-SIV (RFC 5297): deterministic authenticated encryption. The key is two AES keys of equal
/// length: the first keys S2V (CMAC), the second keys CTR. 32 bytes gives AES-128-SIV, 64 bytes
/// AES-256-SIV. Output layout is SIV (16 bytes) followed by the ciphertext (same length as the
/// plaintext). Not thread-safe; create one per thread or per call.
/// </summary>
/// <remarks>
/// Deterministic on purpose: the same (key, associated data, plaintext) always gives the same
/// output, so encrypted identifiers can still be joined and grouped. The price is that equality of
/// plaintexts under the same key and associated data is visible; nothing else is.
/// </remarks>
internal sealed class AesSiv : IDisposable
{
    /// <summary>Length of the synthetic IV prepended to the ciphertext.</summary>
    public const int SivSize = 16;

    // RFC 5297 §2.6/§7: S2V takes at most 127 components for a 128-bit block; one is the plaintext.
    private const int MaxAssociatedData = 126;

    // Counter blocks are encrypted in batches of this many bytes of keystream.
    private const int KeystreamChunk = 256;

    private const int StackLimit = 512;

    private readonly AesCmac _mac;
    private readonly AesCmac _ctr;

    public AesSiv(ReadOnlySpan<byte> key)
    {
        if (key.Length is not (32 or 48 or 64))
        {
            throw new ArgumentException("an AES-SIV key is 32, 48 or 64 bytes (two AES keys)", nameof(key));
        }

        var half = key.Length / 2;
        _mac = new AesCmac(key[..half]);
        _ctr = new AesCmac(key[half..]);
    }

    /// <summary>Encrypts with one associated-data component (the common case, no allocation).</summary>
    public void Encrypt(ReadOnlySpan<byte> plaintext, Span<byte> destination, ReadOnlySpan<byte> associatedData)
    {
        CheckLength(destination.Length, plaintext.Length + SivSize);
        Span<byte> d = stackalloc byte[SivSize];
        S2vStart(d);
        S2vAbsorb(d, associatedData);
        Seal(d, plaintext, destination);
    }

    /// <summary>Encrypts with any number (≤ 126) of associated-data components, in order.</summary>
    public void Encrypt(ReadOnlySpan<byte> plaintext, Span<byte> destination, ReadOnlySpan<byte[]> associatedData)
    {
        CheckLength(destination.Length, plaintext.Length + SivSize);
        CheckComponents(associatedData.Length);
        Span<byte> d = stackalloc byte[SivSize];
        S2vStart(d);
        foreach (var component in associatedData)
        {
            S2vAbsorb(d, component);
        }

        Seal(d, plaintext, destination);
    }

    /// <summary>Decrypts and verifies; throws <see cref="CryptographicException"/> on any mismatch.</summary>
    public void Decrypt(ReadOnlySpan<byte> sivAndCiphertext, Span<byte> destination, ReadOnlySpan<byte> associatedData)
    {
        var plaintext = Open(sivAndCiphertext, destination);
        Span<byte> d = stackalloc byte[SivSize];
        S2vStart(d);
        S2vAbsorb(d, associatedData);
        Verify(d, sivAndCiphertext[..SivSize], plaintext);
    }

    /// <summary>Decrypts and verifies with several associated-data components, in order.</summary>
    public void Decrypt(ReadOnlySpan<byte> sivAndCiphertext, Span<byte> destination, ReadOnlySpan<byte[]> associatedData)
    {
        CheckComponents(associatedData.Length);
        var plaintext = Open(sivAndCiphertext, destination);
        Span<byte> d = stackalloc byte[SivSize];
        S2vStart(d);
        foreach (var component in associatedData)
        {
            S2vAbsorb(d, component);
        }

        Verify(d, sivAndCiphertext[..SivSize], plaintext);
    }

    public void Dispose()
    {
        _mac.Dispose();
        _ctr.Dispose();
    }

    private void Seal(Span<byte> d, ReadOnlySpan<byte> plaintext, Span<byte> destination)
    {
        var siv = destination[..SivSize];
        S2vFinish(d, plaintext, siv);
        Ctr(siv, plaintext, destination[SivSize..]);
    }

    private Span<byte> Open(ReadOnlySpan<byte> sivAndCiphertext, Span<byte> destination)
    {
        if (sivAndCiphertext.Length < SivSize)
        {
            throw new CryptographicException("AES-SIV input is shorter than the synthetic IV");
        }

        var length = sivAndCiphertext.Length - SivSize;
        CheckLength(destination.Length, length);
        var plaintext = destination[..length];
        Ctr(sivAndCiphertext[..SivSize], sivAndCiphertext[SivSize..], plaintext);
        return plaintext;
    }

    private void Verify(Span<byte> d, ReadOnlySpan<byte> expectedSiv, Span<byte> plaintext)
    {
        Span<byte> v = stackalloc byte[SivSize];
        S2vFinish(d, plaintext, v);
        if (!CryptographicOperations.FixedTimeEquals(v, expectedSiv))
        {
            // Never hand out unauthenticated plaintext, not even in the caller's buffer.
            CryptographicOperations.ZeroMemory(plaintext);
            throw new CryptographicException("AES-SIV authentication failed: wrong key, wrong associated data, or tampered input");
        }
    }

    // RFC 5297 §2.4 S2V: D = CMAC(<zero>); for each AD: D = dbl(D) xor CMAC(AD_i);
    // last: T = Sn xorend D when |Sn| >= 16, else T = dbl(D) xor pad(Sn); V = CMAC(T).
    private void S2vStart(Span<byte> d)
    {
        Span<byte> zero = stackalloc byte[SivSize];
        zero.Clear();
        _mac.Compute(zero, d);
    }

    private void S2vAbsorb(Span<byte> d, ReadOnlySpan<byte> component)
    {
        Span<byte> mac = stackalloc byte[SivSize];
        _mac.Compute(component, mac);
        AesCmac.Dbl(d, d);
        AesCmac.Xor(d, mac);
    }

    private void S2vFinish(Span<byte> d, ReadOnlySpan<byte> last, Span<byte> v)
    {
        if (last.Length >= SivSize)
        {
            byte[]? rented = null;
            var t = last.Length <= StackLimit
                ? stackalloc byte[StackLimit]
                : (rented = ArrayPool<byte>.Shared.Rent(last.Length));
            t = t[..last.Length];
            last.CopyTo(t);
            AesCmac.Xor(t[^SivSize..], d);
            _mac.Compute(t, v);
            CryptographicOperations.ZeroMemory(t);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
        else
        {
            Span<byte> t = stackalloc byte[SivSize];
            AesCmac.Dbl(d, t);
            AesCmac.Xor(t[..last.Length], last);
            t[last.Length] ^= 0x80;
            _mac.Compute(t, v);
        }
    }

    // RFC 5297 §2.5: Q = V with bits 31 and 63 cleared (so the 64-bit counter halves never carry
    // differently across implementations); keystream = AES(K2, Q), AES(K2, Q+1), ... (mod 2^128).
    private void Ctr(ReadOnlySpan<byte> siv, ReadOnlySpan<byte> input, Span<byte> output)
    {
        Span<byte> counter = stackalloc byte[SivSize];
        siv.CopyTo(counter);
        counter[8] &= 0x7f;
        counter[12] &= 0x7f;

        Span<byte> counters = stackalloc byte[KeystreamChunk];
        Span<byte> keystream = stackalloc byte[KeystreamChunk];
        for (var offset = 0; offset < input.Length; offset += KeystreamChunk)
        {
            var take = Math.Min(KeystreamChunk, input.Length - offset);
            var blocks = (take + SivSize - 1) / SivSize;
            for (var b = 0; b < blocks; b++)
            {
                counter.CopyTo(counters.Slice(b * SivSize, SivSize));
                Increment(counter);
            }

            _ctr.EncryptBlock(counters[..(blocks * SivSize)], keystream);
            for (var i = 0; i < take; i++)
            {
                output[offset + i] = (byte)(input[offset + i] ^ keystream[i]);
            }
        }

        CryptographicOperations.ZeroMemory(keystream);
    }

    private static void Increment(Span<byte> counter)
    {
        for (var i = counter.Length - 1; i >= 0; i--)
        {
            if (++counter[i] != 0)
            {
                return;
            }
        }
    }

    private static void CheckLength(int actual, int required)
    {
        if (actual < required)
        {
            throw new ArgumentException($"destination needs {required} bytes, has {actual}");
        }
    }

    private static void CheckComponents(int count)
    {
        if (count > MaxAssociatedData)
        {
            throw new ArgumentException($"AES-SIV accepts at most {MaxAssociatedData} associated-data components");
        }
    }
}
