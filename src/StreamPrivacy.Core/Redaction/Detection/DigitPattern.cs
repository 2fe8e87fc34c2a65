namespace StreamPrivacy.Core.Redaction.Detection;

/// <summary>
/// A whole-string matcher for the regular expressions of libphonenumber's national-number metadata
/// (digits, <c>\d</c>, digit classes, groups, alternation and the quantifiers <c>? * + {n} {n,} {n,m}</c>),
/// evaluated over strings of at most 63 ASCII digits by propagating the set of reachable positions as a
/// bit mask: membership in the pattern's language, which is exactly what <c>Regex.IsMatch</c> of
/// <c>^(?:pattern)$</c> decides, without backtracking or an interpreter. <see cref="Parse"/> throws
/// <see cref="NotSupportedException"/> for any other construct, so callers can fall back to a regex.
/// </summary>
internal sealed class DigitPattern
{
    /// <summary>Longest input the position masks can represent.</summary>
    public const int MaxLength = 63;

    private readonly Node _root;

    private DigitPattern(Node root) => _root = root;

    public static DigitPattern Parse(string pattern)
    {
        var position = 0;
        var root = ParseAlternation(pattern, ref position);
        if (position != pattern.Length)
        {
            throw new NotSupportedException("unbalanced pattern");
        }

        return new DigitPattern(root);
    }

    /// <summary>Whether the whole of <paramref name="digits"/> matches; null when the input is outside what the matcher handles.</summary>
    public bool? IsMatch(ReadOnlySpan<char> digits)
    {
        if (digits.Length > MaxLength)
        {
            return null;
        }

        Span<byte> values = stackalloc byte[digits.Length];
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[i] - '0';
            if ((uint)d > 9)
            {
                return null;
            }

            values[i] = (byte)d;
        }

        var ends = _root.Advance(1UL, values);
        return (ends & (1UL << digits.Length)) != 0;
    }

    private static Node ParseAlternation(string p, ref int i)
    {
        var branches = new List<Node> { ParseSequence(p, ref i) };
        while (i < p.Length && p[i] == '|')
        {
            i++;
            branches.Add(ParseSequence(p, ref i));
        }

        return branches.Count == 1 ? branches[0] : new Alternation([.. branches]);
    }

    private static Node ParseSequence(string p, ref int i)
    {
        var items = new List<Node>();
        while (i < p.Length && p[i] is not ('|' or ')'))
        {
            items.Add(ParseQuantified(p, ref i));
        }

        return items.Count == 1 ? items[0] : new Sequence([.. items]);
    }

    private static Node ParseQuantified(string p, ref int i)
    {
        var atom = ParseAtom(p, ref i);
        if (i < p.Length)
        {
            int min, max;
            switch (p[i])
            {
                case '?':
                    (min, max) = (0, 1);
                    i++;
                    break;
                case '*':
                    (min, max) = (0, -1);
                    i++;
                    break;
                case '+':
                    (min, max) = (1, -1);
                    i++;
                    break;
                case '{':
                    (min, max) = ParseBraces(p, ref i);
                    break;
                default:
                    return atom;
            }

            if (i < p.Length && p[i] is '?' or '+' or '*' or '{')
            {
                throw new NotSupportedException("lazy or stacked quantifier"); // kept to the plain subset
            }

            atom = new Repeat(atom, min, max);
        }

        return atom;
    }

    private static (int Min, int Max) ParseBraces(string p, ref int i)
    {
        var close = p.IndexOf('}', i);
        if (close < 0)
        {
            throw new NotSupportedException("unclosed quantifier");
        }

        var body = p.AsSpan(i + 1, close - i - 1);
        i = close + 1;
        var comma = body.IndexOf(',');
        var min = ParseCount(comma < 0 ? body : body[..comma]);
        var max = comma < 0 ? min : body[(comma + 1)..].IsEmpty ? -1 : ParseCount(body[(comma + 1)..]);
        if (max >= 0 && max < min)
        {
            throw new NotSupportedException("bad quantifier");
        }

        return (min, max);
    }

    private static int ParseCount(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text.Length > 3 || text.ContainsAnyExceptInRange('0', '9'))
        {
            throw new NotSupportedException("bad quantifier");
        }

        return int.Parse(text, provider: System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Node ParseAtom(string p, ref int i)
    {
        var c = p[i];
        if (c is >= '0' and <= '9')
        {
            i++;
            return new Digits((ushort)(1 << (c - '0')));
        }

        if (c == '\\' && i + 1 < p.Length && p[i + 1] == 'd')
        {
            i += 2;
            return new Digits(0x3FF);
        }

        if (c == '[')
        {
            return ParseClass(p, ref i);
        }

        if (c == '(')
        {
            i += p.AsSpan(i).StartsWith("(?:") ? 3 : p.AsSpan(i).StartsWith("(?") ? throw new NotSupportedException("group option") : 1;
            var inner = ParseAlternation(p, ref i);
            if (i >= p.Length || p[i] != ')')
            {
                throw new NotSupportedException("unclosed group");
            }

            i++;
            return inner;
        }

        throw new NotSupportedException("construct outside the digit subset");
    }

    private static Digits ParseClass(string p, ref int i)
    {
        i++; // '['
        if (i < p.Length && p[i] == '^')
        {
            throw new NotSupportedException("negated class");
        }

        ushort set = 0;
        while (i < p.Length && p[i] != ']')
        {
            var c = p[i];
            if (c == '\\' && i + 1 < p.Length && p[i + 1] == 'd')
            {
                set |= 0x3FF;
                i += 2;
                continue;
            }

            if (c is < '0' or > '9')
            {
                throw new NotSupportedException("class member outside the digits");
            }

            if (i + 2 < p.Length && p[i + 1] == '-' && p[i + 2] != ']')
            {
                var last = p[i + 2];
                if (last is < '0' or > '9' || last < c)
                {
                    throw new NotSupportedException("bad class range");
                }

                for (var d = c; d <= last; d++)
                {
                    set |= (ushort)(1 << (d - '0'));
                }

                i += 3;
                continue;
            }

            set |= (ushort)(1 << (c - '0'));
            i++;
        }

        if (i >= p.Length)
        {
            throw new NotSupportedException("unclosed class");
        }

        i++; // ']'
        return new Digits(set);
    }

    /// <summary>
    /// A pattern node: maps the set of positions where it may start to the set where it may end.
    /// <see cref="First"/> holds the digits a non-empty match can start with; <see cref="Nullable"/> whether it matches empty.
    /// </summary>
    private abstract class Node
    {
        public ushort First { get; protected init; }

        public bool Nullable { get; protected init; }

        public abstract ulong Advance(ulong starts, ReadOnlySpan<byte> digits);
    }

    private sealed class Digits : Node
    {
        private readonly ushort _set;

        public Digits(ushort set)
        {
            _set = set;
            First = set;
        }

        public override ulong Advance(ulong starts, ReadOnlySpan<byte> digits)
        {
            ulong ends = 0;
            while (starts != 0)
            {
                var p = System.Numerics.BitOperations.TrailingZeroCount(starts);
                starts &= starts - 1;
                if (p < digits.Length && (_set & (1 << digits[p])) != 0)
                {
                    ends |= 1UL << (p + 1);
                }
            }

            return ends;
        }
    }

    private sealed class Sequence : Node
    {
        private readonly Node[] _items;

        public Sequence(Node[] items)
        {
            _items = items;
            ushort first = 0;
            var nullable = true;
            foreach (var item in items)
            {
                first |= item.First;
                if (!item.Nullable)
                {
                    nullable = false;
                    break;
                }
            }

            First = first;
            Nullable = nullable;
        }

        public override ulong Advance(ulong starts, ReadOnlySpan<byte> digits)
        {
            foreach (var item in _items)
            {
                if (starts == 0)
                {
                    return 0;
                }

                starts = item.Advance(starts, digits);
            }

            return starts;
        }
    }

    /// <summary>Alternatives; from a single start position only those that can begin with its digit (or match empty) are tried.</summary>
    private sealed class Alternation : Node
    {
        private readonly Node[] _branches;
        private readonly Node[][] _byDigit = new Node[10][];
        private readonly Node[] _nullable;

        public Alternation(Node[] branches)
        {
            _branches = branches;
            for (var d = 0; d < 10; d++)
            {
                _byDigit[d] = [.. branches.Where(b => b.Nullable || (b.First & (1 << d)) != 0)];
            }

            _nullable = [.. branches.Where(b => b.Nullable)];
            First = branches.Aggregate((ushort)0, (set, b) => (ushort)(set | b.First));
            Nullable = _nullable.Length > 0;
        }

        public override ulong Advance(ulong starts, ReadOnlySpan<byte> digits)
        {
            var candidates = _branches;
            if ((starts & (starts - 1)) == 0)
            {
                var p = System.Numerics.BitOperations.TrailingZeroCount(starts);
                candidates = p < digits.Length ? _byDigit[digits[p]] : _nullable;
            }

            ulong ends = 0;
            foreach (var branch in candidates)
            {
                ends |= branch.Advance(starts, digits);
            }

            return ends;
        }
    }

    private sealed class Repeat : Node
    {
        private readonly Node _inner;
        private readonly int _min;
        private readonly int _max;

        public Repeat(Node inner, int min, int max)
        {
            (_inner, _min, _max) = (inner, min, max);
            First = max == 0 ? (ushort)0 : inner.First;
            Nullable = min == 0 || inner.Nullable;
        }

        public override ulong Advance(ulong starts, ReadOnlySpan<byte> digits)
        {
            var current = starts;
            for (var n = 0; n < _min; n++)
            {
                if (current == 0)
                {
                    return 0;
                }

                current = _inner.Advance(current, digits);
            }

            var ends = current;
            for (var n = _min; (_max < 0 || n < _max) && current != 0; n++)
            {
                var next = _inner.Advance(current, digits) & ~ends;
                ends |= next;
                current = next;
            }

            return ends;
        }
    }
}
