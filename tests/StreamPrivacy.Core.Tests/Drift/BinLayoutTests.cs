using StreamPrivacy.Core.Drift;

namespace StreamPrivacy.Core.Tests.Drift;

public sealed class BinLayoutTests
{
    private static readonly BinLayout Numeric = BinLayout.Numeric([1.0, 2.0, 3.5]);

    [Theory]
    [InlineData(double.NegativeInfinity, 0)]
    [InlineData(-5.0, 0)]
    [InlineData(0.9999999999999999, 0)]
    [InlineData(1.0, 1)]
    [InlineData(1.5, 1)]
    [InlineData(2.0, 2)]
    [InlineData(3.4999999999999996, 2)]
    [InlineData(3.5, 3)]
    [InlineData(1e300, 3)]
    [InlineData(double.PositiveInfinity, 3)]
    public void BinOf_ValueAtOrAroundEdge_IndexIsNumberOfEdgesAtOrBelow(double value, int expected)
    {
        Assert.Equal(expected, Numeric.BinOf(value));
    }

    [Fact]
    public void BinOf_NaN_Throws()
    {
        Assert.Throws<ArgumentException>(() => Numeric.BinOf(double.NaN));
    }

    [Fact]
    public void Numeric_UnsortedDuplicateOrNonFiniteEdges_Throws()
    {
        Assert.Throws<ArgumentException>(() => BinLayout.Numeric([2.0, 1.0]));
        Assert.Throws<ArgumentException>(() => BinLayout.Numeric([1.0, 1.0]));
        Assert.Throws<ArgumentException>(() => BinLayout.Numeric([1.0, double.NaN]));
        Assert.Throws<ArgumentException>(() => BinLayout.Numeric([]));
    }

    [Fact]
    public void Categorical_Categories_OrdinalOrderWithOtherBinLast()
    {
        var layout = BinLayout.Categorical(["b", "B", "a", "é", "b"]);
        Assert.Equal(["B", "a", "b", "é"], layout.Categories);
        Assert.Equal(5, layout.BinCount);
        Assert.Equal(4, layout.OtherBin);
        Assert.Equal(0, layout.BinOf("B"));
        Assert.Equal(2, layout.BinOf("b"));
        Assert.Equal(4, layout.BinOf("c"));
        Assert.Equal(4, layout.BinOf(" b"));
        Assert.Equal(2, layout.BinOf("xbx".AsSpan(1, 1)));
    }

    [Fact]
    public void BinOf_WrongKind_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => Numeric.BinOf("a"));
        Assert.Throws<InvalidOperationException>(() => BinLayout.Categorical(["a"]).BinOf(1.0));
    }

    [Fact]
    public void SameBinsAs_EqualEdgesDifferentInstances_True()
    {
        Assert.True(Numeric.SameBinsAs(BinLayout.Numeric([1.0, 2.0, 3.5])));
        Assert.False(Numeric.SameBinsAs(BinLayout.Numeric([1.0, 2.0, 3.6])));
        Assert.False(Numeric.SameBinsAs(BinLayout.Categorical(["a", "b", "c"])));
    }
}
