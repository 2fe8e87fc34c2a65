using System.Globalization;
using System.Text;

namespace StreamPrivacy.Core.Redaction.Operators;

/// <summary>
/// Coarsens a value so it still supports aggregate analysis: numeric buckets, truncated ISO-8601
/// dates, truncated postcodes. Build one with <see cref="NumericBucket"/>, <see cref="DateTruncate"/>
/// or <see cref="PostcodeTruncate"/>.
/// </summary>
/// <remarks>
/// <para>
/// Never passes a value through: input that does not parse for the configured mode is replaced with
/// <c>&lt;ENTITY_TYPE&gt;</c>, as is input already coarser than the mode requires (a postcode with no
/// more than N letters and digits, a date without the unit's components), because emitting it would
/// emit the whole value.
/// </para>
/// <para>Formats:</para>
/// <list type="bullet">
/// <item><description>
/// NumericBucket(width, origin): <c>[lower,upper)</c> with lower = origin + floor((x − origin) / width) × width,
/// upper = lower + width, in invariant culture without exponent or trailing zeros (34 → <c>[30,40)</c>,
/// −5 → <c>[-10,0)</c>, 0.25 with width 0.1 → <c>[0.2,0.3)</c>). Arithmetic is decimal, so bucket
/// edges are exact. Input: an invariant-culture number (sign, decimal point, exponent; no
/// thousands separators, NaN or infinity).
/// </description></item>
/// <item><description>
/// DateTruncate(unit): the prefix of the value as written, <c>2026</c> / <c>2026-11</c> / <c>2026-11-20</c> /
/// <c>2026-11-20T10</c>. Input: ISO-8601 extended format <c>YYYY[-MM[-DD[(T| )hh[:mm[:ss[.f+]]][Z|±hh[:mm]]]]]</c>,
/// validated (month 01–12, day valid for the month, hour 00–23, minute 00–59, second 00–60). The time
/// is truncated in its own offset (no conversion to UTC) and the offset is dropped, so
/// <c>2026-11-20T23:30-05:00</c> at Day gives <c>2026-11-20</c>.
/// </description></item>
/// <item><description>
/// PostcodeTruncate(n): the first n ASCII letters and digits, upper-cased, with separators removed
/// and the rest dropped rather than masked, so the output does not reveal the postcode's length or
/// format (<c>SW1A 1AA</c>, n = 4 → <c>SW1A</c>; <c>94107-1234</c>, n = 3 → <c>941</c>). Input: at
/// most 16 characters of ASCII letters, digits, spaces and hyphens (after trimming), with at least
/// one digit and more than n letters and digits.
/// </description></item>
/// </list>
/// </remarks>
public sealed class GeneralizeOperator : RedactionOperator
{
    private const int MaxPostcodeLength = 16;
    private const string DecimalFormat = "0.############################";

    private readonly decimal _width;
    private readonly decimal _origin;
    private readonly DateTruncateUnit _unit;
    private readonly int _keepChars;

    private GeneralizeOperator(GeneralizeMode mode, decimal width = 0, decimal origin = 0, DateTruncateUnit unit = default, int keepChars = 0)
    {
        Mode = mode;
        _width = width;
        _origin = origin;
        _unit = unit;
        _keepChars = keepChars;
    }

    /// <inheritdoc/>
    public override OperatorKind Kind => OperatorKind.Generalize;

    /// <summary>The generalization mode.</summary>
    public GeneralizeMode Mode { get; }

    /// <summary>Numbers become half-open buckets <c>[lower,upper)</c> of <paramref name="width"/>, aligned to <paramref name="origin"/>.</summary>
    /// <remarks>Reveals only which bucket the number falls in; see the class remarks for the format.</remarks>
    public static GeneralizeOperator NumericBucket(decimal width, decimal origin = 0)
    {
        if (width <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "generalize: bucket_width must be > 0");
        }

        return new GeneralizeOperator(GeneralizeMode.NumericBucket, width: width, origin: origin);
    }

    /// <summary>ISO-8601 dates and timestamps are truncated to <paramref name="unit"/>.</summary>
    /// <remarks>Reveals only the components up to the unit; see the class remarks for the format.</remarks>
    public static GeneralizeOperator DateTruncate(DateTruncateUnit unit)
    {
        if (!Enum.IsDefined(unit))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "generalize: unknown date_unit");
        }

        return new GeneralizeOperator(GeneralizeMode.DateTruncate, unit: unit);
    }

    /// <summary>Postcodes keep their first <paramref name="keepChars"/> letters and digits.</summary>
    /// <remarks>Reveals only the kept prefix (typically the outward code / area); see the class remarks.</remarks>
    public static GeneralizeOperator PostcodeTruncate(int keepChars)
    {
        if (keepChars < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(keepChars), keepChars, "generalize: keep_chars must be >= 1");
        }

        return new GeneralizeOperator(GeneralizeMode.PostcodeTruncate, keepChars: keepChars);
    }

    /// <inheritdoc/>
    public override void Apply(ReadOnlySpan<char> value, string entityType, StringBuilder output)
    {
        var done = Mode switch
        {
            GeneralizeMode.NumericBucket => TryBucket(value, output),
            GeneralizeMode.DateTruncate => TryTruncateDate(value, output),
            GeneralizeMode.PostcodeTruncate => TryTruncatePostcode(value, output),
            _ => false,
        };

        if (!done)
        {
            ReplaceOperator.AppendPlaceholder(entityType, output);
        }
    }

    private bool TryBucket(ReadOnlySpan<char> value, StringBuilder output)
    {
        if (!decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x))
        {
            return false;
        }

        decimal lower;
        decimal upper;
        try
        {
            lower = _origin + (decimal.Floor((x - _origin) / _width) * _width);

            // Decimal division rounds at 28 digits; nudge the bucket if that rounding crossed an edge.
            if (lower > x)
            {
                lower -= _width;
            }
            else if (lower + _width <= x)
            {
                lower += _width;
            }

            upper = lower + _width;
        }
        catch (OverflowException)
        {
            return false;
        }

        // + 0m would keep a negative zero's sign; comparing to zero normalises "-0" to "0".
        lower = lower == 0 ? 0m : lower;
        upper = upper == 0 ? 0m : upper;
        output.Append('[')
            .Append(lower.ToString(DecimalFormat, CultureInfo.InvariantCulture))
            .Append(',')
            .Append(upper.ToString(DecimalFormat, CultureInfo.InvariantCulture))
            .Append(')');
        return true;
    }

    private bool TryTruncateDate(ReadOnlySpan<char> value, StringBuilder output)
    {
        if (!IsoDate.TryParse(value, out var precision) || precision < _unit)
        {
            return false;
        }

        switch (_unit)
        {
            case DateTruncateUnit.Year:
                output.Append(value[..4]);
                break;
            case DateTruncateUnit.Month:
                output.Append(value[..7]);
                break;
            case DateTruncateUnit.Day:
                output.Append(value[..10]);
                break;
            default:
                // Normalise the space separator to 'T' so equal hours group together.
                output.Append(value[..10]).Append('T').Append(value.Slice(11, 2));
                break;
        }

        return true;
    }

    private bool TryTruncatePostcode(ReadOnlySpan<char> value, StringBuilder output)
    {
        var trimmed = value.Trim();
        if (trimmed.Length > MaxPostcodeLength)
        {
            return false;
        }

        var alphanumerics = 0;
        var hasDigit = false;
        foreach (var c in trimmed)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                alphanumerics++;
                hasDigit |= char.IsAsciiDigit(c);
            }
            else if (c is not (' ' or '-'))
            {
                return false;
            }
        }

        if (!hasDigit || alphanumerics <= _keepChars)
        {
            return false;
        }

        var kept = 0;
        foreach (var c in trimmed)
        {
            if (kept == _keepChars)
            {
                break;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                output.Append(char.ToUpperInvariant(c));
                kept++;
            }
        }

        return true;
    }
}
