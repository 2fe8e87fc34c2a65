using System.Text.Json;

namespace StreamPrivacy.Core.Drift;

/// <summary>
/// Builds a <see cref="ReferenceProfile"/> from a reference sample: JSON-lines events with a
/// <c>features</c> object, or values added directly. Keeps the whole sample in memory until
/// <see cref="Build"/> (quantiles need it); reference samples are bounded, windows are not.
/// <para>
/// Value rules are those of <see cref="FeatureValues"/> (nulls, objects and arrays skipped and
/// counted as missing; booleans are categories <c>"true"</c>/<c>"false"</c>). A feature's kind is
/// the declared one if given; otherwise it is <see cref="FeatureKind.Numeric"/> when it has at
/// least one value and every non-null reference value is a JSON number, else
/// <see cref="FeatureKind.Categorical"/> (numbers then become category text). Values that do not
/// fit a declared numeric kind (strings, booleans) are counted as missing. A feature with no values
/// at all is categorical with only the <c>other</c> bin, unless declared numeric, which fails.
/// </para>
/// </summary>
public sealed class ReferenceProfileBuilder
{
    private readonly int _binCount;
    private readonly IReadOnlyDictionary<string, FeatureKind> _declared;
    private readonly Dictionary<string, Accumulator> _features = new(StringComparer.Ordinal);
    private long _events;

    /// <summary>Creates a builder.</summary>
    /// <param name="binCount">B, the number of equal-frequency bins per numeric feature (≥ 2; default 10).</param>
    /// <param name="declaredKinds">Feature kinds that are not inferred.</param>
    public ReferenceProfileBuilder(int binCount = 10, IReadOnlyDictionary<string, FeatureKind>? declaredKinds = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 2);
        _binCount = binCount;
        _declared = declaredKinds ?? new Dictionary<string, FeatureKind>(StringComparer.Ordinal);
    }

    /// <summary>JSON events added so far.</summary>
    public long Events => _events;

    /// <summary>
    /// Adds one JSON event (one line of a JSON-lines file). An event without a <c>features</c>
    /// object counts as missing every feature.
    /// </summary>
    /// <exception cref="JsonException">The line is not valid JSON.</exception>
    public void AddEventJson(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        using var document = JsonDocument.Parse(line);
        AddEvent(document.RootElement);
    }

    /// <summary>Adds every non-blank line of a JSON-lines text.</summary>
    public void AddJsonLines(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        while (reader.ReadLine() is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                AddEventJson(line);
            }
        }
    }

    /// <summary>
    /// Adds one parsed event: its <c>features</c> and, when present, the prediction and label
    /// (see <see cref="MonitoredValues"/>).
    /// </summary>
    public void AddEvent(JsonElement evt)
    {
        _events++;
        MonitoredValues.ForEach(evt, this, static (builder, name, value) => builder.AddValue(name, value));
    }

    private void AddValue(string name, JsonElement value)
    {
        var acc = Get(name);
        acc.SeenInEvents++;
        if (FeatureValues.TryGetNumber(value, out var number))
        {
            acc.Numbers.Add(number);
        }
        else if (value.ValueKind != JsonValueKind.Number && FeatureValues.TryGetCategory(value, out var category))
        {
            acc.Categories.Add(category);
        }
        else
        {
            acc.Missing++;
        }
    }

    /// <summary>Adds a numeric value directly.</summary>
    /// <exception cref="ArgumentException">The value is NaN or infinite.</exception>
    public void AddNumber(string feature, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException("Reference values must be finite.", nameof(value));
        }

        Get(feature).Numbers.Add(value);
    }

    /// <summary>Adds a category directly.</summary>
    public void AddCategory(string feature, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Get(feature).Categories.Add(value);
    }

    /// <summary>Records a missing (null) value directly.</summary>
    public void AddMissing(string feature) => Get(feature).Missing++;

    /// <summary>Computes edges, categories, counts and standard deviations.</summary>
    /// <exception cref="InvalidOperationException">A feature declared numeric has no numeric value.</exception>
    public ReferenceProfile Build()
    {
        var features = new List<ReferenceFeature>();
        foreach (var name in _declared.Keys.Union(_features.Keys, StringComparer.Ordinal))
        {
            var acc = _features.GetValueOrDefault(name) ?? new Accumulator();

            // Events whose features object lacked the key are missing values too.
            var absent = acc.SeenInEvents > 0 || _events > 0 ? _events - acc.SeenInEvents : 0;
            var kind = _declared.TryGetValue(name, out var declared)
                ? declared
                : acc.Numbers.Count > 0 && acc.Categories.Count == 0 ? FeatureKind.Numeric : FeatureKind.Categorical;
            features.Add(kind == FeatureKind.Numeric
                ? BuildNumeric(name, acc, absent)
                : BuildCategorical(name, acc, absent));
        }

        return new ReferenceProfile(_binCount, features);
    }

    private ReferenceFeature BuildNumeric(string name, Accumulator acc, long absent)
    {
        if (acc.Numbers.Count == 0)
        {
            throw new InvalidOperationException($"Feature '{name}' is declared numeric but has no numeric reference value.");
        }

        var sorted = acc.Numbers.ToArray();
        Array.Sort(sorted);
        var layout = BinLayout.Numeric(Quantiles.EqualFrequencyEdges(sorted, _binCount));
        var histogram = new FeatureHistogram(layout);
        foreach (var v in sorted)
        {
            histogram.Add(v);
        }

        return new ReferenceFeature(
            name, layout, histogram.Counts.ToArray(), Quantiles.PopulationStdDev(sorted),
            acc.Missing + acc.Categories.Count + absent);
    }

    private static ReferenceFeature BuildCategorical(string name, Accumulator acc, long absent)
    {
        var values = acc.Categories.Concat(acc.Numbers.Select(FeatureValues.NumberCategory)).ToList();
        var layout = BinLayout.Categorical(values);
        var histogram = new FeatureHistogram(layout);
        foreach (var v in values)
        {
            histogram.Add(v);
        }

        return new ReferenceFeature(name, layout, histogram.Counts.ToArray(), null, acc.Missing + absent);
    }

    private Accumulator Get(string feature)
    {
        ArgumentException.ThrowIfNullOrEmpty(feature);
        if (!_features.TryGetValue(feature, out var acc))
        {
            acc = new Accumulator();
            _features.Add(feature, acc);
        }

        return acc;
    }

    // The raw reference sample of one feature, kept apart by JSON type until the kind is known.
    private sealed class Accumulator
    {
        public List<double> Numbers { get; } = [];

        public List<string> Categories { get; } = [];

        public long Missing { get; set; }

        public long SeenInEvents { get; set; }
    }
}
