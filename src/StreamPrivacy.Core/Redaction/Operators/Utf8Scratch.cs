using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace StreamPrivacy.Core.Redaction.Operators;

/// <summary>
/// UTF-8 encoding of sensitive text into a caller's stack buffer or a pooled array, cleared on return.
/// </summary>
internal static class Utf8Scratch
{
    /// <summary>Values up to this many UTF-8 bytes are encoded on the stack.</summary>
    public const int StackLimit = 512;

    /// <summary>
    /// Encodes <paramref name="text"/> into <paramref name="stackBuffer"/> when it fits, else into a
    /// rented array (returned via <paramref name="rented"/>, give it to <see cref="Release"/>).
    /// Lone surrogates become U+FFFD, as everywhere in .NET's default UTF-8 encoder.
    /// </summary>
    public static Span<byte> Encode(ReadOnlySpan<char> text, Span<byte> stackBuffer, out byte[]? rented)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        rented = null;
        var buffer = max <= stackBuffer.Length ? stackBuffer : (rented = ArrayPool<byte>.Shared.Rent(max));
        var length = Encoding.UTF8.GetBytes(text, buffer);
        return buffer[..length];
    }

    /// <summary>Clears the used bytes and returns the rented array, if any.</summary>
    public static void Release(Span<byte> used, byte[]? rented)
    {
        CryptographicOperations.ZeroMemory(used);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
