using System.Buffers.Binary;
using System.Numerics;

namespace StreamPrivacy.Core.Privacy;

/// <summary>
/// The exact integer helpers of <see cref="IRandomBitSource"/>, built on a byte stream, so that
/// every source draws integers the same way and a seeded stream's outputs are fully specified.
/// </summary>
/// <remarks>
/// Privacy semantics: uniform integers come from rejection sampling over the smallest number of
/// whole bytes that covers the bound's bit length (masked to that bit length), so each accepted
/// value has probability exactly 1/bound; Bernoulli(num/den) is "uniform below den is below num".
/// No floating point is used.
/// </remarks>
public abstract class RandomBitSource : IRandomBitSource
{
    /// <inheritdoc/>
    public abstract void NextBytes(Span<byte> destination);

    /// <inheritdoc/>
    public ulong NextUInt64()
    {
        Span<byte> buffer = stackalloc byte[8];
        NextBytes(buffer);
        return BinaryPrimitives.ReadUInt64BigEndian(buffer);
    }

    /// <inheritdoc/>
    public ulong NextBits(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 64);
        if (count == 0)
        {
            return 0;
        }

        var byteCount = (count + 7) / 8;
        Span<byte> buffer = stackalloc byte[8];
        buffer.Clear();
        NextBytes(buffer[(8 - byteCount)..]);
        var value = BinaryPrimitives.ReadUInt64BigEndian(buffer);
        return count == 64 ? value : value & ((1UL << count) - 1);
    }

    /// <inheritdoc/>
    public ulong NextBelow(ulong bound)
    {
        ArgumentOutOfRangeException.ThrowIfZero(bound);
        if (bound == 1)
        {
            return 0;
        }

        // The smallest bit length covering bound-1 keeps the rejection probability below 1/2.
        var bits = 64 - BitOperations.LeadingZeroCount(bound - 1);
        while (true)
        {
            var candidate = NextBits(bits);
            if (candidate < bound)
            {
                return candidate;
            }
        }
    }

    /// <inheritdoc/>
    public BigInteger NextBelow(BigInteger bound)
    {
        if (bound.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bound), bound, "the bound must be positive");
        }

        if (bound <= ulong.MaxValue)
        {
            return NextBelow((ulong)bound);
        }

        // Same byte layout as the 64-bit path: big-endian bytes, high bits of the first byte masked.
        var bits = (int)(bound - 1).GetBitLength();
        var byteCount = (bits + 7) / 8;
        var topMask = (byte)(0xFF >> ((8 * byteCount) - bits));
        var buffer = new byte[byteCount];
        while (true)
        {
            NextBytes(buffer);
            buffer[0] &= topMask;
            var candidate = new BigInteger(buffer, isUnsigned: true, isBigEndian: true);
            if (candidate < bound)
            {
                return candidate;
            }
        }
    }

    /// <inheritdoc/>
    public bool NextBernoulli(Rational probability)
    {
        if (probability.Sign < 0 || probability > Rational.One)
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "a probability lies in [0, 1]");
        }

        // P[U < num] = num/den exactly for U uniform on [0, den).
        return NextBelow(probability.Denominator) < probability.Numerator;
    }
}
