namespace StreamPrivacy.Core.Windowing;

/// <summary>Tumbling or hopping event-time windows aligned to the Unix epoch.</summary>
/// <remarks>
/// Window starts are the multiples of <see cref="Advance"/> since 1970-01-01T00:00Z, so every
/// instance and every replay assigns an event to the same windows regardless of when it runs.
/// A tumbling window is a hopping window whose advance equals its size. An advance larger than
/// the size (gaps between windows) is rejected: every event must belong to at least one window.
/// </remarks>
internal sealed class WindowSpec
{
    private readonly long _sizeTicks;
    private readonly long _advanceTicks;

    private WindowSpec(TimeSpan size, TimeSpan advance)
    {
        if (size <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "The window size must be positive.");
        }

        if (advance <= TimeSpan.Zero || advance > size)
        {
            throw new ArgumentOutOfRangeException(nameof(advance), advance, "The advance must be positive and at most the size.");
        }

        Size = size;
        Advance = advance;
        _sizeTicks = size.Ticks;
        _advanceTicks = advance.Ticks;
    }

    /// <summary>The default window size, 5 minutes.</summary>
    public static TimeSpan DefaultSize => TimeSpan.FromMinutes(5);

    /// <summary>Length of each window.</summary>
    public TimeSpan Size { get; }

    /// <summary>Distance between consecutive window starts (equals <see cref="Size"/> when tumbling).</summary>
    public TimeSpan Advance { get; }

    /// <summary>True when windows do not overlap (each event is in exactly one window).</summary>
    public bool IsTumbling => _advanceTicks == _sizeTicks;

    /// <summary>Non-overlapping windows of <paramref name="size"/> (default 5 minutes).</summary>
    public static WindowSpec Tumbling(TimeSpan? size = null)
    {
        var s = size ?? DefaultSize;
        return new WindowSpec(s, s);
    }

    /// <summary>Overlapping windows of <paramref name="size"/> starting every <paramref name="advance"/>.</summary>
    public static WindowSpec Hopping(TimeSpan size, TimeSpan advance) => new(size, advance);

    /// <summary>
    /// The windows containing <paramref name="eventTime"/>, by ascending start: one for tumbling
    /// windows, up to ⌈size / advance⌉ for hopping ones.
    /// </summary>
    public IReadOnlyList<Window> WindowsFor(DateTimeOffset eventTime)
    {
        var offset = eventTime.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var latestStart = FloorToMultiple(offset, _advanceTicks);
        if (IsTumbling)
        {
            return [ToWindow(latestStart)];
        }

        // Walk back from the latest start while the window still reaches past the event
        // (end exclusive), then reverse so callers see ascending starts.
        var windows = new List<Window>((int)((_sizeTicks + _advanceTicks - 1) / _advanceTicks));
        for (var start = latestStart; start + _sizeTicks > offset; start -= _advanceTicks)
        {
            windows.Add(ToWindow(start));
        }

        windows.Reverse();
        return windows;
    }

    private Window ToWindow(long startOffsetTicks)
    {
        var start = DateTimeOffset.UnixEpoch.AddTicks(startOffsetTicks);
        return new Window(start, start.AddTicks(_sizeTicks));
    }

    // Floor, not truncation: events before the epoch must still go to the window below them.
    private static long FloorToMultiple(long value, long unit)
    {
        var remainder = value % unit;
        return remainder < 0 ? value - remainder - unit : value - remainder;
    }
}
