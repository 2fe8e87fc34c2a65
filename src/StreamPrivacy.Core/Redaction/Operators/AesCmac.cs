using System.Security.Cryptography;

namespace StreamPrivacy.Core.Redaction.Operators;

/// <summary>
/// AES-CMAC (RFC 4493, NIST SP 800-38B) over the raw AES block function (one-shot ECB, no padding).
/// .NET has no CMAC, and AES-SIV's S2V is built from it. Not thread-safe: the underlying
/// <see cref="Aes"/> instance is not guaranteed to be safe for concurrent use.
/// </summary>
internal sealed class AesCmac : IDisposable
{
    /// <summary>Length of a MAC and of an AES block, in bytes.</summary>
    public const int MacSize = 16;

    private readonly Aes _aes;
    private readonly byte[] _k1 = new byte[MacSize];
    private readonly byte[] _k2 = new byte[MacSize];

    public AesCmac(ReadOnlySpan<byte> key)
    {
        if (key.Length is not (16 or 24 or 32))
        {
            throw new ArgumentException("an AES key is 16, 24 or 32 bytes", nameof(key));
        }

        _aes = Aes.Create();
        var copy = key.ToArray();
        _aes.Key = copy;
        CryptographicOperations.ZeroMemory(copy);

        // RFC 4493 §2.3: L = AES(K, 0^128); K1 = dbl(L); K2 = dbl(K1).
        Span<byte> l = stackalloc byte[MacSize];
        l.Clear();
        EncryptBlock(l, l);
        Dbl(l, _k1);
        Dbl(_k1, _k2);
        CryptographicOperations.ZeroMemory(l);
    }

    /// <summary>Encrypts one 16-byte block with the raw AES key (ECB, no padding).</summary>
    public void EncryptBlock(ReadOnlySpan<byte> block, Span<byte> destination) =>
        _aes.EncryptEcb(block, destination, PaddingMode.None);

    /// <summary>Computes the 16-byte CMAC of <paramref name="message"/> into <paramref name="mac"/>.</summary>
    public void Compute(ReadOnlySpan<byte> message, Span<byte> mac)
    {
        // RFC 4493 §2.4. X starts at zero; every block but the last is chained through AES; the last
        // block is xored with K1 when complete, or padded with 10..0 and xored with K2 otherwise.
        Span<byte> x = stackalloc byte[MacSize];
        x.Clear();
        var blocks = message.IsEmpty ? 1 : (message.Length + MacSize - 1) / MacSize;
        for (var i = 0; i < blocks - 1; i++)
        {
            Xor(x, message.Slice(i * MacSize, MacSize));
            EncryptBlock(x, x);
        }

        var last = message[((blocks - 1) * MacSize)..];
        if (last.Length == MacSize)
        {
            Xor(x, last);
            Xor(x, _k1);
        }
        else
        {
            Xor(x[..last.Length], last);
            x[last.Length] ^= 0x80;
            Xor(x, _k2);
        }

        EncryptBlock(x, mac);
    }

    /// <summary>
    /// Doubling in GF(2^128) with the big-endian convention of RFC 4493/5297: shift left one bit and,
    /// when the bit shifted out was set, xor the last byte with 0x87. Constant-time in the input.
    /// </summary>
    public static void Dbl(ReadOnlySpan<byte> block, Span<byte> destination)
    {
        var msb = block[0] >> 7;
        for (var i = 0; i < MacSize - 1; i++)
        {
            destination[i] = (byte)((block[i] << 1) | (block[i + 1] >> 7));
        }

        destination[MacSize - 1] = (byte)((block[MacSize - 1] << 1) ^ (0x87 & -msb));
    }

    /// <summary>destination ^= source, over source's length.</summary>
    public static void Xor(Span<byte> destination, ReadOnlySpan<byte> source)
    {
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] ^= source[i];
        }
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_k1);
        CryptographicOperations.ZeroMemory(_k2);
        _aes.Dispose();
    }
}
