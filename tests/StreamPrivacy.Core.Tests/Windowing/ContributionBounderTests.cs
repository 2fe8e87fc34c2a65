using StreamPrivacy.Core.Windowing;

namespace StreamPrivacy.Core.Tests.Windowing;

public sealed class ContributionBounderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Window W0 = new(T0, T0.AddMinutes(5));
    private static readonly Window W1 = new(T0.AddMinutes(5), T0.AddMinutes(10));

    [Fact]
    public void TryContribute_DefaultBound_OneRecordPerSubjectAndWindow()
    {
        var bounder = new ContributionBounder();

        Assert.True(bounder.TryContribute("s", W0, "alice"));
        Assert.False(bounder.TryContribute("s", W0, "alice"));
        Assert.False(bounder.TryContribute("s", W0, "alice"));
        Assert.True(bounder.TryContribute("s", W0, "bob"));
        Assert.Equal(2, bounder.DroppedCount("s"));
        Assert.Equal(2, bounder.TotalDropped);
    }

    [Fact]
    public void TryContribute_BoundK_AllowsKRecords()
    {
        var bounder = new ContributionBounder(3);

        Assert.Equal([true, true, true, false], Enumerable.Range(0, 4).Select(_ => bounder.TryContribute("s", W0, "alice")));
    }

    [Fact]
    public void TryContribute_OtherWindowOrStream_CountedSeparately()
    {
        var bounder = new ContributionBounder();
        bounder.TryContribute("s", W0, "alice");

        Assert.True(bounder.TryContribute("s", W1, "alice"));
        Assert.True(bounder.TryContribute("t", W0, "alice"));
        Assert.Equal(0, bounder.DroppedCount("s"));
        Assert.Equal(3, bounder.OpenWindowCount);
    }

    [Fact]
    public void CloseWindow_ClearsStateAndRefusesClosedWindow()
    {
        var bounder = new ContributionBounder();
        bounder.TryContribute("s", W0, "alice");
        bounder.TryContribute("s", W1, "alice");

        bounder.CloseWindow("s", W0);

        Assert.Equal(1, bounder.OpenWindowCount);
        Assert.False(bounder.TryContribute("s", W0, "bob"));
        Assert.Equal(1, bounder.OpenWindowCount);
        Assert.False(bounder.TryContribute("s", W1, "alice"));
        Assert.True(bounder.TryContribute("t", W0, "alice"));
    }

    [Fact]
    public void Constructor_BoundBelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ContributionBounder(0));
    }
}
