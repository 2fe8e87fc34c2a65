namespace StreamPrivacy.Core.Windowing;

/// <summary>The watermark of one input partition.</summary>
/// <remarks>
/// Watermark = largest event time seen − allowed out-of-orderness. It never goes back: an older
/// record leaves the maximum unchanged. Before the first record the watermark is unknown (null),
/// which holds a combined watermark back until the partition delivers or turns idle. Idleness is
/// wall-clock time since the last record (or since the partition was assigned).
/// </remarks>
internal sealed class PartitionWatermark
{
    private readonly WatermarkOptions _options;

    /// <summary>Starts tracking <paramref name="partition"/>; its idle clock starts at <paramref name="assignedAt"/>.</summary>
    public PartitionWatermark(int partition, WatermarkOptions options, DateTimeOffset assignedAt)
    {
        ArgumentNullException.ThrowIfNull(options);
        Partition = partition;
        _options = options;
        LastActivity = assignedAt;
    }

    /// <summary>The input partition number.</summary>
    public int Partition { get; }

    /// <summary>Largest event time seen, or null before the first record.</summary>
    public DateTimeOffset? MaxEventTime { get; private set; }

    /// <summary>Wall-clock time of the last record, or of the assignment before any record.</summary>
    public DateTimeOffset LastActivity { get; private set; }

    /// <summary>Max event time − out-of-orderness, or null before the first record.</summary>
    public DateTimeOffset? Watermark => MaxEventTime - _options.OutOfOrderness;

    /// <summary>Records a record with <paramref name="eventTime"/> read at wall-clock <paramref name="now"/>.</summary>
    public void Observe(DateTimeOffset eventTime, DateTimeOffset now)
    {
        if (MaxEventTime is not { } max || eventTime > max)
        {
            MaxEventTime = eventTime;
        }

        if (now > LastActivity)
        {
            LastActivity = now;
        }

        CaughtUp = false;
    }

    /// <summary>True when the reader reported the end of the partition after the last record.</summary>
    public bool CaughtUp { get; private set; }

    /// <summary>Records that the reader has reached the end of the partition (no records waiting).</summary>
    public void MarkCaughtUp() => CaughtUp = true;

    /// <summary>
    /// True when no record arrived for at least the idle timeout before <paramref name="now"/> (and, with
    /// <see cref="WatermarkOptions.IdleOnlyWhenCaughtUp"/>, the reader is caught up).
    /// </summary>
    public bool IsIdle(DateTimeOffset now) =>
        (CaughtUp || !_options.IdleOnlyWhenCaughtUp) && now - LastActivity >= _options.IdleTimeout;

    /// <summary>True when this partition's watermark has passed <paramref name="window"/>'s end plus grace.</summary>
    public bool HasClosed(Window window) => Watermark is { } wm && wm >= window.End + _options.Grace;
}
