using System.Text.Json;

namespace StreamPrivacy.Core.Drift;

/// <summary>
/// Exact counts per bin of one feature in one window. State is one <see cref="long"/> per bin
/// plus a shared <see cref="BinLayout"/>, independent of how many values were added. Not
/// thread-safe: one instance per worker or partition, combined with <see cref="Merge"/>.
/// </summary>
public sealed class FeatureHistogram
{
    private readonly long[] _counts;
    private readonly double[] _edges;

    /// <summary>Creates an empty histogram over <paramref name="layout"/>.</summary>
    public FeatureHistogram(BinLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        Layout = layout;
        _counts = new long[layout.BinCount];

        // A private copy of the edges keeps the numeric hot path on a plain array.
        _edges = layout.EdgeSpan.ToArray();
    }

    /// <summary>The bins this histogram counts into.</summary>
    public BinLayout Layout { get; }

    /// <summary>Count per bin, in layout order.</summary>
    public ReadOnlySpan<long> Counts => _counts;

    /// <summary>Sum of all bin counts.</summary>
    public long Total { get; private set; }

    /// <summary>Values that had no bin and were not counted (NaN offered to <see cref="TryAdd(double)"/>).</summary>
    public long Rejected { get; private set; }

    /// <summary>
    /// JSON values offered to <see cref="TryAdd(JsonElement)"/> that were not counted: null,
    /// objects, arrays and values of the wrong type, the same values a reference counts as missing.
    /// </summary>
    public long Missing { get; private set; }

    /// <summary>Counts a numeric value: bin = number of edges ≤ value.</summary>
    /// <exception cref="ArgumentException">The value is NaN.</exception>
    /// <exception cref="InvalidOperationException">The layout is categorical.</exception>
    public void Add(double value)
    {
        if (double.IsNaN(value))
        {
            throw new ArgumentException("NaN has no bin.", nameof(value));
        }

        if (Layout.Kind != FeatureKind.Numeric)
        {
            throw new InvalidOperationException("The histogram is categorical.");
        }

        _counts[BinLayout.CountEdgesAtOrBelow(_edges, value)]++;
        Total++;
    }

    /// <summary>Counts a numeric value, or counts it in <see cref="Rejected"/> and returns false when NaN.</summary>
    public bool TryAdd(double value)
    {
        if (double.IsNaN(value))
        {
            Rejected++;
            return false;
        }

        Add(value);
        return true;
    }

    /// <summary>Counts a category; values not in the reference go to the <c>other</c> bin.</summary>
    /// <exception cref="InvalidOperationException">The layout is numeric.</exception>
    public void Add(string category)
    {
        ArgumentNullException.ThrowIfNull(category);
        Add(category.AsSpan());
    }

    /// <summary>Counts a category given as characters, without allocating a string.</summary>
    public void Add(ReadOnlySpan<char> category)
    {
        _counts[Layout.BinOf(category)]++;
        Total++;
    }

    /// <summary>
    /// Counts a JSON feature value by the rules of <see cref="FeatureValues"/>: numbers for a
    /// numeric layout; strings, booleans and numbers for a categorical one. Returns false (nothing
    /// counted, <see cref="Missing"/> incremented) for null, objects, arrays and values of the wrong type.
    /// </summary>
    public bool TryAdd(JsonElement value)
    {
        if (Layout.Kind == FeatureKind.Numeric)
        {
            if (!FeatureValues.TryGetNumber(value, out var number))
            {
                Missing++;
                return false;
            }

            Add(number);
            return true;
        }

        if (!FeatureValues.TryGetCategory(value, out var category))
        {
            Missing++;
            return false;
        }

        Add(category);
        return true;
    }

    /// <summary>Counts an event in which the feature was absent.</summary>
    public void AddMissing() => Missing++;

    /// <summary>Adds all counts of <paramref name="other"/>, which must have the same bins.</summary>
    /// <exception cref="ArgumentException">The layouts differ.</exception>
    public void Merge(FeatureHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!Layout.SameBinsAs(other.Layout))
        {
            throw new ArgumentException("Histograms with different bins cannot be merged.", nameof(other));
        }

        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        Total += other.Total;
        Rejected += other.Rejected;
        Missing += other.Missing;
    }

    /// <summary>Resets every count to zero, keeping the layout.</summary>
    public void Clear()
    {
        Array.Clear(_counts);
        Total = 0;
        Rejected = 0;
        Missing = 0;
    }
}
