namespace StreamPrivacy.Core.Windowing;

/// <summary>How watermarks are derived from event times and when windows close.</summary>
internal sealed record WatermarkOptions
{
    /// <summary>Default allowed out-of-orderness, 30 seconds.</summary>
    public static TimeSpan DefaultOutOfOrderness => TimeSpan.FromSeconds(30);

    /// <summary>Default idle timeout, 30 seconds of wall-clock time.</summary>
    public static TimeSpan DefaultIdleTimeout => TimeSpan.FromSeconds(30);

    /// <summary>
    /// How far behind the largest event time seen a partition's watermark trails. Records older
    /// than this relative to the newest record may still land in their window.
    /// </summary>
    public TimeSpan OutOfOrderness { get; init; } = DefaultOutOfOrderness;

    /// <summary>Extra event time after a window's end before it closes (default 0).</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// Wall-clock time without a record after which a partition is idle and no longer holds the
    /// combined watermark back.
    /// </summary>
    public TimeSpan IdleTimeout { get; init; } = DefaultIdleTimeout;

    /// <summary>
    /// When true, a partition only counts as idle once its reader has reported being caught up
    /// (<see cref="PartitionWatermark.MarkCaughtUp"/>) since its last record: a partition that is
    /// merely lagging behind (records waiting, slow consumer) never closes windows by the wall clock.
    /// </summary>
    public bool IdleOnlyWhenCaughtUp { get; init; }

    /// <summary>Throws when a duration is negative (or the idle timeout is not positive).</summary>
    public void Validate()
    {
        if (OutOfOrderness < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(OutOfOrderness), OutOfOrderness, "Must not be negative.");
        }

        if (Grace < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Grace), Grace, "Must not be negative.");
        }

        if (IdleTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(IdleTimeout), IdleTimeout, "Must be positive.");
        }
    }
}
