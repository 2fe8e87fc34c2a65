namespace StreamPrivacy.Core.Windowing;

/// <summary>The combined watermark over the input partitions one instance owns.</summary>
/// <remarks>
/// <para>
/// The combined watermark is the minimum over partitions that are not idle: a window may only
/// close when every partition that can still deliver records for it has moved past it. A
/// partition that has not delivered yet and is not idle has no watermark and holds everything
/// back. Idle partitions (no record for <see cref="WatermarkOptions.IdleTimeout"/> of wall-clock
/// time from the <see cref="TimeProvider"/>) are left out. When every partition is idle the
/// watermark follows the wall clock (now − out-of-orderness), so windows close on a quiet topic.
/// The price: records delayed longer than the idle timeout (consumer lag, a stalled producer)
/// arrive late and are dropped as late, never merged into a released window.
/// </para>
/// <para>
/// The combined watermark is monotonic: a partition returning from idleness with an older
/// watermark does not move it back, so a closed window stays closed. With no partitions
/// assigned there is no watermark (null) and nothing closes.
/// </para>
/// <para>Not thread-safe: one tracker per consume loop.</para>
/// </remarks>
internal sealed class WatermarkTracker
{
    private readonly Dictionary<int, PartitionWatermark> _partitions = [];
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a tracker with <paramref name="options"/> (defaults when null) and a clock.</summary>
    public WatermarkTracker(WatermarkOptions? options = null, TimeProvider? timeProvider = null)
    {
        Options = options ?? new WatermarkOptions();
        Options.Validate();
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Out-of-orderness, grace and idle timeout in force.</summary>
    public WatermarkOptions Options { get; }

    /// <summary>
    /// The combined watermark as of the last <see cref="Advance"/>, or null when none is known
    /// yet. Reading it does not consult the clock.
    /// </summary>
    public DateTimeOffset? Current { get; private set; }

    /// <summary>The partitions currently tracked.</summary>
    public IReadOnlyCollection<int> Partitions => _partitions.Keys;

    /// <summary>Starts tracking <paramref name="partition"/> (no-op when already tracked).</summary>
    public void Assign(int partition)
    {
        if (!_partitions.ContainsKey(partition))
        {
            _partitions[partition] = new PartitionWatermark(partition, Options, _timeProvider.GetUtcNow());
        }
    }

    /// <summary>Stops tracking <paramref name="partition"/>, e.g. after a rebalance revoked it.</summary>
    public void Revoke(int partition) => _partitions.Remove(partition);

    /// <summary>The state of <paramref name="partition"/>, or null when not tracked.</summary>
    public PartitionWatermark? Partition(int partition) =>
        _partitions.TryGetValue(partition, out var state) ? state : null;

    /// <summary>Records a record's event time on its partition, assigning the partition if new.</summary>
    public void Observe(int partition, DateTimeOffset eventTime)
    {
        var now = _timeProvider.GetUtcNow();
        if (!_partitions.TryGetValue(partition, out var state))
        {
            state = new PartitionWatermark(partition, Options, now);
            _partitions[partition] = state;
        }

        state.Observe(eventTime, now);
    }

    /// <summary>
    /// Recomputes the combined watermark at the current wall-clock time and returns it (null when
    /// none is known). Never returns less than a previous result.
    /// </summary>
    public DateTimeOffset? Advance()
    {
        var candidate = Compute(_timeProvider.GetUtcNow());
        if (candidate is { } c && (Current is not { } current || c > current))
        {
            Current = c;
        }

        return Current;
    }

    /// <summary>
    /// True when <paramref name="window"/> is closed under the current combined watermark:
    /// watermark ≥ end + grace. Uses <see cref="Current"/>; call <see cref="Advance"/> to refresh.
    /// </summary>
    public bool IsClosed(Window window) => Current is { } wm && wm >= window.End + Options.Grace;

    private DateTimeOffset? Compute(DateTimeOffset now)
    {
        if (_partitions.Count == 0)
        {
            return null;
        }

        DateTimeOffset? minimum = null;
        var anyActive = false;
        foreach (var partition in _partitions.Values)
        {
            if (partition.IsIdle(now))
            {
                continue;
            }

            anyActive = true;
            if (partition.Watermark is not { } wm)
            {
                // An active partition that has not delivered yet could still hold any event time.
                return null;
            }

            if (minimum is not { } m || wm < m)
            {
                minimum = wm;
            }
        }

        return anyActive ? minimum : now - Options.OutOfOrderness;
    }
}
