using System.Numerics;

namespace StreamPrivacy.Core.Privacy;

/// <summary>Exact integer helpers for the samplers (no floating point).</summary>
internal static class IntegerMath
{
    /// <summary>⌊√<paramref name="value"/>⌋ for value ≥ 0, by Newton's method on integers.</summary>
    public static BigInteger FloorSqrt(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "square root of a negative number");
        }

        if (value < 2)
        {
            return value;
        }

        // Start above the root (2^⌈bits/2⌉) so the iteration decreases monotonically to ⌊√n⌋.
        var x = BigInteger.One << (int)((value.GetBitLength() + 1) / 2);
        while (true)
        {
            var next = (x + (value / x)) >> 1;
            if (next >= x)
            {
                return x;
            }

            x = next;
        }
    }
}
