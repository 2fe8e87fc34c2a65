using System.Text.Json;
using StreamPrivacy.Core.Drift;

namespace StreamPrivacy.Core.Windowing;

/// <summary>
/// The profile stage's state for one source partition (DESIGN §2): event-time windows per stream,
/// contribution bounding per subject and exact histograms, closed by this partition's own
/// watermark (or by the wall clock once the partition is idle).
/// </summary>
/// <remarks>
/// <para>
/// Contribution bounding is per partition. That is exact because the sanitize stage keys records by
/// subject pseudonym, so all records of a subject in one input topic share a partition. An event
/// without a subject counts as its own subject.
/// </para>
/// <para>
/// <see cref="LowestOpenOffset"/> is the first source offset any open window still needs: committing
/// no further than it means a restart rebuilds every open window from the log. Not thread-safe.
/// </para>
/// </remarks>
internal sealed class PartitionProfiler
{
    private readonly WindowedAggregator<WindowProfile> _aggregator;
    private readonly int _partition;
    private (StreamId Stream, ReferenceProfile Reference, long Offset) _adding;

    /// <summary>Creates the state for source partition <paramref name="partition"/>.</summary>
    public PartitionProfiler(int partition, WindowSpec spec, WatermarkOptions watermarks, int contributionBound, TimeProvider time)
    {
        _partition = partition;
        var tracker = new WatermarkTracker(watermarks, time);
        tracker.Assign(partition);
        _aggregator = new WindowedAggregator<WindowProfile>(
            spec,
            tracker,
            (_, _) => new WindowProfile(_adding.Stream, _adding.Reference, _adding.Offset),
            new ContributionBounder(contributionBound));
    }

    /// <summary>The reader reached the end of the partition: it may now turn idle by the wall clock.</summary>
    public void MarkCaughtUp() => _aggregator.Watermarks.Partition(_partition)?.MarkCaughtUp();

    /// <summary>The partition's watermark as of the last <see cref="CloseReady"/>, or null before it is known.</summary>
    public DateTimeOffset? Watermark => _aggregator.Watermarks.Current;

    /// <summary>Open (stream, window) states.</summary>
    public int OpenWindowCount => _aggregator.OpenWindowCount;

    /// <summary>Late records over all streams.</summary>
    public long Late => _aggregator.TotalLate;

    /// <summary>Late records of <paramref name="stream"/>.</summary>
    public long LateCount(StreamId stream) => _aggregator.LateCount(stream.Key);

    /// <summary>Source offset of the earliest record an open window holds, or null when none is open.</summary>
    public long? LowestOpenOffset { get; private set; }

    /// <summary>Counts <paramref name="evt"/> (at <paramref name="offset"/>) into its open windows.</summary>
    public WindowAddResult Add(StreamId stream, ReferenceProfile reference, DateTimeOffset eventTime, string? subject, long offset, JsonElement evt)
    {
        _adding = (stream, reference, offset);
        var result = subject is null
            ? _aggregator.Add(stream.Key, eventTime, _partition, state => state.Add(evt))
            : _aggregator.Add(stream.Key, eventTime, _partition, subject, state => state.Add(evt));
        if (result == WindowAddResult.Counted && (LowestOpenOffset is not { } low || offset < low))
        {
            LowestOpenOffset = offset;
        }

        return result;
    }

    /// <summary>
    /// Advances the watermark (wall clock decides idleness) and hands out every window that closed,
    /// once, in close order.
    /// </summary>
    public IReadOnlyList<ClosedWindow<WindowProfile>> CloseReady()
    {
        var closed = _aggregator.CloseReady();
        if (closed.Count > 0)
        {
            LowestOpenOffset = _aggregator.OpenStates.Count == 0 ? null : _aggregator.OpenStates.Min(s => s.FirstOffset);
        }

        return closed;
    }
}
