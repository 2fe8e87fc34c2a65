using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace StreamPrivacy.Core.Privacy;

/// <summary>
/// A cryptographic byte stream derived from a secret noise key and a release id, so that the noise
/// of a release is a reproducible fact: the same key and release id always give the same stream.
/// </summary>
/// <remarks>
/// <para>Construction (version 1):</para>
/// <list type="number">
/// <item><c>seed = HMAC-SHA256(noiseKey, "streamprivacy/dp-noise/v1" ‖ 0x00 ‖ UTF-8(releaseId))</c>.
/// The label separates this use of the key from any other and versions the construction.</item>
/// <item><c>block_i = HMAC-SHA256(seed, BE64(i))</c> for i = 0, 1, 2, …; the stream is
/// <c>block_0 ‖ block_1 ‖ …</c> (HMAC-SHA256 as a PRF in counter mode, in the spirit of
/// HKDF-Expand / NIST SP 800-108 counter-mode KDF, and reproducible with any HMAC library).</item>
/// </list>
/// <para>Privacy semantics: the noise is pseudorandom to anyone without the noise key, and because
/// it is a function of the release id a replay reproduces the recorded noise instead of drawing
/// fresh noise (two independent noisy copies of one statistic would double the privacy loss).
/// Release ids must therefore be unique per released statistic set (stream, window, policy
/// version), and the noise key must never be disclosed. Not thread-safe: one stream per release.</para>
/// </remarks>
public sealed class DeterministicRandomStream : RandomBitSource
{
    private const int BlockSize = 32;

    private static readonly byte[] Label = [.. "streamprivacy/dp-noise/v1"u8, 0];

    private readonly byte[] _seed;
    private readonly byte[] _block = new byte[BlockSize];
    private ulong _counter;
    private int _blockOffset = BlockSize;

    /// <summary>Creates a stream from a 32-byte seed (already derived; see <see cref="ForRelease"/>).</summary>
    internal DeterministicRandomStream(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != BlockSize)
        {
            throw new ArgumentException("the seed is one HMAC-SHA256 output (32 bytes)", nameof(seed));
        }

        _seed = seed.ToArray();
    }

    /// <summary>The stream for one release: a function of the noise key and the release id only.</summary>
    public static DeterministicRandomStream ForRelease(SecretKey noiseKey, string releaseId)
    {
        ArgumentNullException.ThrowIfNull(noiseKey);
        ArgumentException.ThrowIfNullOrEmpty(releaseId);
        var message = new byte[Label.Length + Encoding.UTF8.GetByteCount(releaseId)];
        Label.CopyTo(message, 0);
        Encoding.UTF8.GetBytes(releaseId, message.AsSpan(Label.Length));
        Span<byte> seed = stackalloc byte[BlockSize];
        HMACSHA256.HashData(noiseKey.Material, message, seed);
        return new DeterministicRandomStream(seed);
    }

    /// <inheritdoc/>
    public override void NextBytes(Span<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            if (_blockOffset == BlockSize)
            {
                Refill();
            }

            var take = Math.Min(destination.Length, BlockSize - _blockOffset);
            _block.AsSpan(_blockOffset, take).CopyTo(destination);
            _blockOffset += take;
            destination = destination[take..];
        }
    }

    private void Refill()
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(counter, _counter);
        _counter = checked(_counter + 1);
        HMACSHA256.HashData(_seed, counter, _block);
        _blockOffset = 0;
    }
}
