using StreamPrivacy.Core.Windowing;

namespace StreamPrivacy.Core.Tests.Windowing;

public sealed class WindowSpecTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Tumbling_Default_IsFiveMinutes()
    {
        var spec = WindowSpec.Tumbling();

        Assert.Equal(TimeSpan.FromMinutes(5), spec.Size);
        Assert.Equal(spec.Size, spec.Advance);
        Assert.True(spec.IsTumbling);
    }

    [Fact]
    public void WindowsFor_ExactlyAtStart_BelongsToThatWindow()
    {
        var window = Assert.Single(WindowSpec.Tumbling().WindowsFor(T0));

        Assert.Equal(T0, window.Start);
        Assert.Equal(T0.AddMinutes(5), window.End);
    }

    [Fact]
    public void WindowsFor_OneTickBeforeEnd_BelongsToWindow()
    {
        var window = Assert.Single(WindowSpec.Tumbling().WindowsFor(T0.AddMinutes(5).AddTicks(-1)));

        Assert.Equal(T0, window.Start);
    }

    [Fact]
    public void WindowsFor_ExactlyAtEnd_BelongsToNextWindow()
    {
        var window = Assert.Single(WindowSpec.Tumbling().WindowsFor(T0.AddMinutes(5)));

        Assert.Equal(T0.AddMinutes(5), window.Start);
    }

    [Fact]
    public void WindowsFor_OddSize_AlignedToUnixEpoch()
    {
        var spec = WindowSpec.Tumbling(TimeSpan.FromMinutes(7));
        var window = Assert.Single(spec.WindowsFor(T0));

        var sinceEpoch = window.Start - DateTimeOffset.UnixEpoch;
        Assert.Equal(0, sinceEpoch.Ticks % TimeSpan.FromMinutes(7).Ticks);
        Assert.True(window.Contains(T0));
    }

    [Fact]
    public void WindowsFor_BeforeEpoch_FloorsToWindowBelow()
    {
        var window = Assert.Single(WindowSpec.Tumbling().WindowsFor(DateTimeOffset.UnixEpoch.AddSeconds(-1)));

        Assert.Equal(DateTimeOffset.UnixEpoch.AddMinutes(-5), window.Start);
        Assert.Equal(DateTimeOffset.UnixEpoch, window.End);
    }

    [Fact]
    public void WindowsFor_NonUtcOffset_SameWindowAsUtc()
    {
        var local = T0.AddMinutes(2).ToOffset(TimeSpan.FromHours(5.5));

        var window = Assert.Single(WindowSpec.Tumbling().WindowsFor(local));

        Assert.Equal(T0, window.Start);
        Assert.Equal(TimeSpan.Zero, window.Start.Offset);
    }

    [Fact]
    public void WindowsFor_Hopping_ReturnsAllContainingWindowsAscending()
    {
        var spec = WindowSpec.Hopping(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(5));

        var windows = spec.WindowsFor(T0.AddMinutes(7));

        Assert.Equal([T0, T0.AddMinutes(5)], windows.Select(w => w.Start));
        Assert.All(windows, w => Assert.True(w.Contains(T0.AddMinutes(7))));
    }

    [Fact]
    public void WindowsFor_HoppingAtBoundary_ExcludesWindowEndingThere()
    {
        var spec = WindowSpec.Hopping(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(5));

        var windows = spec.WindowsFor(T0.AddMinutes(10));

        // [T0, T0+10) ends exactly here (exclusive); [T0+5, T0+15) and [T0+10, T0+20) contain it.
        Assert.Equal([T0.AddMinutes(5), T0.AddMinutes(10)], windows.Select(w => w.Start));
    }

    [Fact]
    public void WindowsFor_HoppingNotMultiple_EveryWindowContainsEvent()
    {
        var spec = WindowSpec.Hopping(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(3));
        var t = T0.AddSeconds(17);

        var windows = spec.WindowsFor(t);

        Assert.InRange(windows.Count, 3, 4);
        Assert.All(windows, w => Assert.True(w.Contains(t)));
        Assert.False(new Window(windows[0].Start.AddMinutes(-3), windows[0].End.AddMinutes(-3)).Contains(t));
    }

    [Fact]
    public void Hopping_AdvanceLargerThanSize_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WindowSpec.Hopping(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => WindowSpec.Tumbling(TimeSpan.Zero));
    }

    [Fact]
    public void Id_IsIsoIntervalInUtc_IndependentOfOffset()
    {
        var utc = new Window(T0, T0.AddMinutes(5));
        var shifted = new Window(T0.ToOffset(TimeSpan.FromHours(2)), T0.AddMinutes(5).ToOffset(TimeSpan.FromHours(2)));

        Assert.Equal("2026-01-01T12:00:00.0000000Z/2026-01-01T12:05:00.0000000Z", utc.Id);
        Assert.Equal(utc.Id, shifted.Id);
        Assert.Equal(utc, shifted);
    }

    [Fact]
    public void Window_EndNotAfterStart_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Window(T0, T0));
    }
}
