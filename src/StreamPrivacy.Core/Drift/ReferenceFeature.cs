namespace StreamPrivacy.Core.Drift;

/// <summary>
/// The reference distribution of one feature: its bins, the reference sample's count per bin,
/// and (numeric) the sample's population standard deviation, which scales <c>wasserstein_norm</c>.
/// </summary>
public sealed class ReferenceFeature
{
    private readonly long[] _counts;

    /// <summary>Creates a reference feature from already-binned counts.</summary>
    /// <param name="name">Feature name (key in the event's <c>features</c> object).</param>
    /// <param name="layout">The bins.</param>
    /// <param name="counts">Reference count per bin; non-negative, one per bin.</param>
    /// <param name="standardDeviation">Population std of the numeric reference sample; null for categorical.</param>
    /// <param name="missing">Reference events where the feature was null, absent or unusable (not in <paramref name="counts"/>).</param>
    public ReferenceFeature(string name, BinLayout layout, IEnumerable<long> counts, double? standardDeviation, long missing = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(counts);
        _counts = counts.ToArray();
        if (_counts.Length != layout.BinCount)
        {
            throw new ArgumentException($"Expected {layout.BinCount} counts, got {_counts.Length}.", nameof(counts));
        }

        if (_counts.Any(c => c < 0))
        {
            throw new ArgumentException("Reference counts are exact and cannot be negative.", nameof(counts));
        }

        if (layout.Kind == FeatureKind.Numeric && standardDeviation is null)
        {
            throw new ArgumentException("A numeric feature needs the reference standard deviation.", nameof(standardDeviation));
        }

        if (standardDeviation is { } s && !(s >= 0 && double.IsFinite(s)))
        {
            throw new ArgumentOutOfRangeException(nameof(standardDeviation), standardDeviation, "Must be finite and ≥ 0.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(missing);
        Name = name;
        Layout = layout;
        StandardDeviation = layout.Kind == FeatureKind.Numeric ? standardDeviation : null;
        Missing = missing;
        Count = _counts.Sum();
    }

    /// <summary>Feature name.</summary>
    public string Name { get; }

    /// <summary>Numeric or categorical (same as <see cref="BinLayout.Kind"/>).</summary>
    public FeatureKind Kind => Layout.Kind;

    /// <summary>The bins, shared with every histogram created by <see cref="CreateHistogram"/>.</summary>
    public BinLayout Layout { get; }

    /// <summary>Reference count per bin.</summary>
    public IReadOnlyList<long> Counts => _counts;

    /// <summary>Population standard deviation of the reference sample (numeric); null for categorical.</summary>
    public double? StandardDeviation { get; }

    /// <summary>Number of reference values binned (n).</summary>
    public long Count { get; }

    /// <summary>Reference events where the value was null, absent or unusable; not part of <see cref="Count"/>.</summary>
    public long Missing { get; }

    internal ReadOnlySpan<long> CountSpan => _counts;

    /// <summary>An empty histogram with this feature's bins, for a current window.</summary>
    public FeatureHistogram CreateHistogram() => new(Layout);
}
