using System.Text.Json;
using StreamPrivacy.Core.Drift;

namespace StreamPrivacy.Core.Tests.Drift;

public sealed class FeatureHistogramTests
{
    private static readonly BinLayout Edges = BinLayout.Numeric([0.0, 10.0]);

    [Fact]
    public void Add_ValuesOnAndBetweenEdges_CountedByRule()
    {
        var h = new FeatureHistogram(Edges);
        foreach (var v in new[] { -1.0, 0.0, 5.0, 10.0, 10.0, 99.0 })
        {
            h.Add(v);
        }

        Assert.Equal([1L, 2, 3], h.Counts.ToArray());
        Assert.Equal(6, h.Total);
    }

    [Fact]
    public void Add_NaN_ThrowsAndTryAddCountsRejected()
    {
        var h = new FeatureHistogram(Edges);
        Assert.Throws<ArgumentException>(() => h.Add(double.NaN));
        Assert.False(h.TryAdd(double.NaN));
        Assert.True(h.TryAdd(1.0));
        Assert.Equal(1, h.Rejected);
        Assert.Equal(1, h.Total);
    }

    [Fact]
    public void Add_UnseenCategory_GoesToOther()
    {
        var h = new FeatureHistogram(BinLayout.Categorical(["DE", "FR"]));
        h.Add("FR");
        h.Add("XX");
        h.Add("de");
        Assert.Equal([0L, 1, 2], h.Counts.ToArray());
    }

    [Fact]
    public void Merge_SameBins_AddsCounts()
    {
        var a = new FeatureHistogram(Edges);
        var b = new FeatureHistogram(BinLayout.Numeric([0.0, 10.0]));
        a.Add(1.0);
        b.Add(1.0);
        b.Add(20.0);
        b.TryAdd(double.NaN);
        a.Merge(b);
        Assert.Equal([0L, 2, 1], a.Counts.ToArray());
        Assert.Equal(3, a.Total);
        Assert.Equal(1, a.Rejected);
    }

    [Fact]
    public void Merge_DifferentBins_Throws()
    {
        var a = new FeatureHistogram(Edges);
        Assert.Throws<ArgumentException>(() => a.Merge(new FeatureHistogram(BinLayout.Numeric([0.0, 11.0]))));
    }

    [Fact]
    public void TryAdd_JsonValues_FollowValueRules()
    {
        using var doc = JsonDocument.Parse("""[1.5, "x", true, null, {"a":1}, [1], 1e2]""");
        var values = doc.RootElement.EnumerateArray().ToArray();

        var numeric = new FeatureHistogram(Edges);
        Assert.Equal([true, false, false, false, false, false, true], values.Select(numeric.TryAdd));
        Assert.Equal([0L, 1, 1], numeric.Counts.ToArray());
        Assert.Equal(5, numeric.Missing);

        var categorical = new FeatureHistogram(BinLayout.Categorical(["100", "true", "x"]));
        Assert.Equal([true, true, true, false, false, false, true], values.Select(categorical.TryAdd));

        // 1.5 is an unseen category; 1e2 is the category "100".
        Assert.Equal([1L, 1, 1, 1], categorical.Counts.ToArray());
        Assert.Equal(3, categorical.Missing);
    }

    [Fact]
    public void Clear_AfterAdds_ZeroesCountsKeepsLayout()
    {
        var h = new FeatureHistogram(Edges);
        h.Add(3.0);
        h.Clear();
        Assert.Equal(0, h.Total);
        Assert.Equal([0L, 0, 0], h.Counts.ToArray());
        Assert.Same(Edges, h.Layout);
    }
}
