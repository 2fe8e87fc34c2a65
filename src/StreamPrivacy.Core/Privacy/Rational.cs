using System.Globalization;
using System.Numerics;

namespace StreamPrivacy.Core.Privacy;

/// <summary>
/// An exact rational number (arbitrary-precision numerator over a positive denominator, always in
/// lowest terms). Privacy parameters and noise scales are held as rationals so that the samplers
/// never touch floating point and budget sums never drift.
/// </summary>
/// <remarks>
/// Privacy semantics: ε, ρ and scales are configured as decimals or doubles and converted exactly
/// at the configuration edge (<see cref="FromDecimal"/>, <see cref="FromDouble"/>): the value the
/// mechanism uses is exactly the value the accountant charges, so accounting never understates the
/// privacy loss. <see cref="ToDouble"/> exists for reporting only and must not feed a sampler.
/// </remarks>
public readonly struct Rational : IEquatable<Rational>, IComparable<Rational>
{
    private readonly BigInteger _numerator;

    // Zero in a default-initialised struct means "denominator 1", so default(Rational) is 0.
    private readonly BigInteger _denominatorMinusOne;

    /// <summary>Creates <paramref name="numerator"/>/<paramref name="denominator"/> in lowest terms.</summary>
    public Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException("a rational needs a non-zero denominator");
        }

        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!gcd.IsOne && !gcd.IsZero)
        {
            numerator /= gcd;
            denominator /= gcd;
        }

        _numerator = numerator;
        _denominatorMinusOne = numerator.IsZero ? BigInteger.Zero : denominator - 1;
    }

    /// <summary>Zero.</summary>
    public static Rational Zero => default;

    /// <summary>One.</summary>
    public static Rational One => new(1, 1);

    /// <summary>The numerator (carries the sign).</summary>
    public BigInteger Numerator => _numerator;

    /// <summary>The denominator, always positive.</summary>
    public BigInteger Denominator => _denominatorMinusOne + 1;

    /// <summary>-1, 0 or 1.</summary>
    public int Sign => _numerator.Sign;

    /// <summary>True for 0.</summary>
    public bool IsZero => _numerator.IsZero;

    /// <summary>The largest integer not greater than this value.</summary>
    public BigInteger Floor()
    {
        var quotient = BigInteger.DivRem(_numerator, Denominator, out var remainder);
        return remainder.Sign < 0 ? quotient - 1 : quotient;
    }

    /// <summary>The smallest integer not less than this value.</summary>
    public BigInteger Ceiling() => -(-this).Floor();

    /// <summary>The absolute value.</summary>
    public Rational Abs() => _numerator.Sign < 0 ? -this : this;

    /// <summary>
    /// The exact value of a finite double (every double is a dyadic rational). Use at the
    /// configuration edge only; prefer <see cref="FromDecimal"/> for values written in decimal.
    /// </summary>
    public static Rational FromDouble(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "a rational must be finite");
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
        var negative = bits < 0;
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        if (exponent == 0)
        {
            exponent = 1; // subnormal: no implicit leading one
        }
        else
        {
            mantissa |= 1L << 52;
        }

        // value = mantissa * 2^(exponent - 1075)
        var shift = exponent - 1075;
        BigInteger numerator = mantissa;
        var result = shift >= 0
            ? new Rational(numerator << shift, 1)
            : new Rational(numerator, BigInteger.One << -shift);
        return negative ? -result : result;
    }

    /// <summary>The exact value of a decimal (a decimal is an integer over a power of ten).</summary>
    public static Rational FromDecimal(decimal value)
    {
        Span<int> parts = stackalloc int[4];
        decimal.GetBits(value, parts);
        var magnitude = new BigInteger((uint)parts[0])
            | (new BigInteger((uint)parts[1]) << 32)
            | (new BigInteger((uint)parts[2]) << 64);
        var scale = (parts[3] >> 16) & 0xFF;
        var negative = parts[3] < 0;
        return new Rational(negative ? -magnitude : magnitude, BigInteger.Pow(10, scale));
    }

    /// <summary>
    /// Parses <c>n/d</c>, an integer, or a decimal literal such as <c>0.125</c> (exactly).
    /// </summary>
    public static Rational Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            return new Rational(
                BigInteger.Parse(text.AsSpan(0, slash).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
                BigInteger.Parse(text.AsSpan(slash + 1).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }

        var trimmed = text.Trim();
        var point = trimmed.IndexOf('.', StringComparison.Ordinal);
        if (point < 0)
        {
            return new Rational(BigInteger.Parse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), 1);
        }

        // Decimal literal: digits without the point over 10^(digits after the point), exactly.
        var digits = string.Concat(trimmed.AsSpan(0, point), trimmed.AsSpan(point + 1));
        return new Rational(
            BigInteger.Parse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
            BigInteger.Pow(10, trimmed.Length - point - 1));
    }

    /// <summary>Nearest double, for reporting and display only (never for sampling).</summary>
    public double ToDouble()
    {
        // Scale so the quotient keeps ~64 significant bits before the final rounding.
        var shift = (int)(Denominator.GetBitLength() - BigInteger.Abs(_numerator).GetBitLength()) + 64;
        var scaled = shift >= 0 ? (_numerator << shift) / Denominator : _numerator / (Denominator << -shift);
        return Math.ScaleB((double)scaled, -shift);
    }

    /// <summary>Invariant <c>n/d</c> form (or <c>n</c> for an integer); round-trips through <see cref="Parse"/>.</summary>
    public override string ToString() => Denominator.IsOne
        ? _numerator.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{_numerator}/{Denominator}");

    /// <inheritdoc/>
    public bool Equals(Rational other) => _numerator == other._numerator && _denominatorMinusOne == other._denominatorMinusOne;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Rational other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_numerator, _denominatorMinusOne);

    /// <inheritdoc/>
    public int CompareTo(Rational other) => (_numerator * other.Denominator).CompareTo(other._numerator * Denominator);

    /// <summary>Adds.</summary>
    public static Rational Add(Rational left, Rational right) => left + right;

    /// <summary>Subtracts.</summary>
    public static Rational Subtract(Rational left, Rational right) => left - right;

    /// <summary>Multiplies.</summary>
    public static Rational Multiply(Rational left, Rational right) => left * right;

    /// <summary>Divides.</summary>
    public static Rational Divide(Rational left, Rational right) => left / right;

    /// <summary>Negates.</summary>
    public static Rational Negate(Rational value) => -value;

    /// <summary>Converts an integer.</summary>
    public static Rational FromInt64(long value) => new(value, 1);

    /// <summary>Converts an integer.</summary>
    public static Rational FromBigInteger(BigInteger value) => new(value, 1);

    /// <summary>Compares.</summary>
    public static int Compare(Rational left, Rational right) => left.CompareTo(right);

#pragma warning disable CS1591 // operators mirror the named methods above
    public static implicit operator Rational(long value) => FromInt64(value);

    public static implicit operator Rational(BigInteger value) => FromBigInteger(value);

    public static Rational operator +(Rational left, Rational right) =>
        new(left._numerator * right.Denominator + right._numerator * left.Denominator, left.Denominator * right.Denominator);

    public static Rational operator -(Rational left, Rational right) =>
        new(left._numerator * right.Denominator - right._numerator * left.Denominator, left.Denominator * right.Denominator);

    public static Rational operator *(Rational left, Rational right) =>
        new(left._numerator * right._numerator, left.Denominator * right.Denominator);

    public static Rational operator /(Rational left, Rational right) =>
        new(left._numerator * right.Denominator, left.Denominator * right._numerator);

    public static Rational operator -(Rational value) => new(-value._numerator, value.Denominator);

    public static bool operator ==(Rational left, Rational right) => left.Equals(right);

    public static bool operator !=(Rational left, Rational right) => !left.Equals(right);

    public static bool operator <(Rational left, Rational right) => left.CompareTo(right) < 0;

    public static bool operator >(Rational left, Rational right) => left.CompareTo(right) > 0;

    public static bool operator <=(Rational left, Rational right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Rational left, Rational right) => left.CompareTo(right) >= 0;
#pragma warning restore CS1591
}
