using System.Numerics;

namespace StreamPrivacy.Core.Privacy;

/// <summary>
/// A source of uniformly random bits with exact integer helpers. Every random choice a DP sampler
/// makes goes through this interface, so the noise is exactly as good as the bit source.
/// </summary>
/// <remarks>
/// Privacy semantics: implementations must be cryptographic (an adversary who sees outputs must
/// not predict others), and the helpers are exact: <see cref="NextBelow(ulong)"/> is uniform by
/// rejection (no modulo bias) and <see cref="NextBernoulli"/> compares uniform integers, so no
/// floating-point rounding can distort a probability (Mironov 2012).
/// </remarks>
public interface IRandomBitSource
{
    /// <summary>Fills <paramref name="destination"/> with the next bytes of the stream.</summary>
    void NextBytes(Span<byte> destination);

    /// <summary>The next 8 bytes read as a big-endian unsigned integer.</summary>
    ulong NextUInt64();

    /// <summary>
    /// A uniform integer in [0, 2^<paramref name="count"/>) for 0 ≤ count ≤ 64: reads ⌈count/8⌉
    /// bytes big-endian and keeps the low <paramref name="count"/> bits.
    /// </summary>
    ulong NextBits(int count);

    /// <summary>A uniform integer in [0, <paramref name="bound"/>), exactly (rejection sampling).</summary>
    ulong NextBelow(ulong bound);

    /// <summary>A uniform integer in [0, <paramref name="bound"/>), exactly (rejection sampling).</summary>
    BigInteger NextBelow(BigInteger bound);

    /// <summary>True with probability exactly <paramref name="probability"/> ∈ [0, 1].</summary>
    bool NextBernoulli(Rational probability);
}
