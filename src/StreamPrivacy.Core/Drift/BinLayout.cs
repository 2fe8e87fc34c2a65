namespace StreamPrivacy.Core.Drift;

/// <summary>
/// The bins of one feature (DESIGN §4). Numeric: interior edges e1 &lt; … &lt; eK give K + 1 bins
/// (−∞, e1), [e1, e2), …, [eK, +∞), and x goes to the bin whose index is the number of edges ≤ x.
/// Categorical: one bin per reference category in <see cref="string.CompareOrdinal(string, string)"/>
/// order, then one <c>other</c> bin for values the reference never saw. Immutable; share one
/// instance between the reference and all histograms of the feature.
/// </summary>
public sealed class BinLayout
{
    private readonly double[] _edges;
    private readonly string[] _categories;
    private readonly Dictionary<string, int>? _categoryIndex;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _spanLookup;

    private BinLayout(FeatureKind kind, double[] edges, string[] categories)
    {
        Kind = kind;
        _edges = edges;
        _categories = categories;
        if (kind == FeatureKind.Categorical)
        {
            _categoryIndex = new Dictionary<string, int>(categories.Length, StringComparer.Ordinal);
            for (var i = 0; i < categories.Length; i++)
            {
                _categoryIndex.Add(categories[i], i);
            }

            _spanLookup = _categoryIndex.GetAlternateLookup<ReadOnlySpan<char>>();
        }
    }

    /// <summary>Numeric or categorical.</summary>
    public FeatureKind Kind { get; }

    /// <summary>Strictly increasing finite interior edges (numeric); empty for categorical.</summary>
    public IReadOnlyList<double> Edges => _edges;

    /// <summary>Reference categories in ordinal order (categorical); empty for numeric.</summary>
    public IReadOnlyList<string> Categories => _categories;

    /// <summary>Number of bins: edges + 1 (numeric) or categories + 1 (categorical, <c>other</c> last).</summary>
    public int BinCount => Kind == FeatureKind.Numeric ? _edges.Length + 1 : _categories.Length + 1;

    /// <summary>Index of the <c>other</c> bin (categorical only; −1 for numeric).</summary>
    public int OtherBin => Kind == FeatureKind.Categorical ? _categories.Length : -1;

    internal ReadOnlySpan<double> EdgeSpan => _edges;

    /// <summary>Creates a numeric layout from interior edges, which must be finite and strictly increasing.</summary>
    public static BinLayout Numeric(IEnumerable<double> edges)
    {
        var array = edges.ToArray();
        if (array.Length == 0)
        {
            throw new ArgumentException("A numeric layout needs at least one edge.", nameof(edges));
        }

        for (var i = 0; i < array.Length; i++)
        {
            if (!double.IsFinite(array[i]))
            {
                throw new ArgumentException("Edges must be finite.", nameof(edges));
            }

            if (i > 0 && !(array[i] > array[i - 1]))
            {
                throw new ArgumentException("Edges must be strictly increasing (duplicates removed).", nameof(edges));
            }
        }

        return new BinLayout(FeatureKind.Numeric, array, []);
    }

    /// <summary>Creates a categorical layout; categories are de-duplicated and put in ordinal order.</summary>
    public static BinLayout Categorical(IEnumerable<string> categories)
    {
        var array = categories.Distinct(StringComparer.Ordinal).ToArray();
        Array.Sort(array, StringComparer.Ordinal);
        return new BinLayout(FeatureKind.Categorical, [], array);
    }

    /// <summary>
    /// Bin of a numeric value: the number of edges ≤ <paramref name="value"/>. −∞ and +∞ land in
    /// the first and last bin; NaN has no bin and is rejected.
    /// </summary>
    /// <exception cref="ArgumentException">NaN, or the layout is categorical.</exception>
    public int BinOf(double value)
    {
        if (double.IsNaN(value))
        {
            throw new ArgumentException("NaN has no bin.", nameof(value));
        }

        if (Kind != FeatureKind.Numeric)
        {
            throw new InvalidOperationException("The layout is categorical.");
        }

        return CountEdgesAtOrBelow(_edges, value);
    }

    /// <summary>Bin of a category; values not in the reference go to <see cref="OtherBin"/>.</summary>
    public int BinOf(string category)
    {
        ArgumentNullException.ThrowIfNull(category);
        return BinOf(category.AsSpan());
    }

    /// <summary>Bin of a category given as characters (no string allocation).</summary>
    public int BinOf(ReadOnlySpan<char> category)
    {
        if (Kind != FeatureKind.Categorical)
        {
            throw new InvalidOperationException("The layout is numeric.");
        }

        return _spanLookup.TryGetValue(category, out var index) ? index : _categories.Length;
    }

    /// <summary>
    /// A label per bin for dashboards: <c>(-inf, e1)</c>, <c>[e1, e2)</c>, …, <c>[e_last, +inf)</c>
    /// (invariant culture, round-trip numbers); categories by name and <c>__other__</c> last.
    /// </summary>
    public IReadOnlyList<string> BinLabels()
    {
        if (Kind == FeatureKind.Categorical)
        {
            return [.. _categories, "__other__"];
        }

        var labels = new string[_edges.Length + 1];
        string E(double e) => e.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i <= _edges.Length; i++)
        {
            var low = i == 0 ? "(-inf" : "[" + E(_edges[i - 1]);
            var high = i == _edges.Length ? "+inf)" : E(_edges[i]) + ")";
            labels[i] = low + ", " + high;
        }

        return labels;
    }

    /// <summary>True when both layouts define the same bins (same kind, edges and categories).</summary>
    public bool SameBinsAs(BinLayout other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return ReferenceEquals(this, other)
            || (Kind == other.Kind
                && _edges.AsSpan().SequenceEqual(other._edges)
                && _categories.AsSpan().SequenceEqual(other._categories));
    }

    // Branch-light lower/upper bound: returns the count of edges <= value. Edges are sorted and
    // unique, so this is the upper-bound index. Kept static and span-based for the hot update path.
    internal static int CountEdgesAtOrBelow(ReadOnlySpan<double> edges, double value)
    {
        var lo = 0;
        var hi = edges.Length;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (edges[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
