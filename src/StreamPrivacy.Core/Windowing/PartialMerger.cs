namespace StreamPrivacy.Core.Windowing;

/// <summary>
/// The release stage's state for one partition of the partials topic (DESIGN §2): the latest
/// watermark each source partition announced there, and the partials merged per stream and window.
/// </summary>
/// <remarks>
/// <para>
/// The profile stage writes a window's partial before the watermark marker that closes it, with
/// one producer, to the same partials partition the marker is broadcast to; so once every source
/// partition's marker on <em>this</em> partials partition has passed a window's end plus grace, every
/// partial of that window is here. Markers read on other partials partitions say nothing about this
/// one, which is why watermarks are kept per partials partition.
/// </para>
/// <para>Not thread-safe.</para>
/// </remarks>
internal sealed class PartialMerger
{
    private readonly Dictionary<(string Topic, int Partition), DateTimeOffset> _watermarks = [];
    private readonly Dictionary<(string StreamKey, Window Window), PendingWindow> _pending = [];

    /// <summary>Windows waiting for their sources.</summary>
    public int PendingCount => _pending.Count;

    /// <summary>Partials offset of the earliest pending window, or null when none is pending.</summary>
    public long? LowestPendingOffset => _pending.Count == 0 ? null : _pending.Values.Min(p => p.FirstOffset);

    /// <summary>Records a source partition's watermark; older announcements never move it back.</summary>
    public void ObserveWatermark(string sourceTopic, int sourcePartition, DateTimeOffset watermark)
    {
        var key = (sourceTopic, sourcePartition);
        if (!_watermarks.TryGetValue(key, out var current) || watermark > current)
        {
            _watermarks[key] = watermark;
        }
    }

    /// <summary>Merges <paramref name="partial"/>, read at <paramref name="offset"/>.</summary>
    public PartialMergeResult Add(PartialWindow partial, long offset)
    {
        var key = (partial.Stream.Key, partial.Window);
        if (_pending.TryGetValue(key, out var pending))
        {
            return pending.Merge(partial);
        }

        _pending[key] = new PendingWindow(partial, offset);
        return PartialMergeResult.Merged;
    }

    /// <summary>
    /// The minimum announced watermark over every partition of every source topic, or null while
    /// any of them has not announced one.
    /// </summary>
    public DateTimeOffset? CombinedWatermark(IReadOnlyDictionary<string, int> sourcePartitionCounts)
    {
        DateTimeOffset? minimum = null;
        foreach (var (topic, count) in sourcePartitionCounts)
        {
            for (var p = 0; p < count; p++)
            {
                if (!_watermarks.TryGetValue((topic, p), out var wm))
                {
                    return null;
                }

                if (minimum is not { } m || wm < m)
                {
                    minimum = wm;
                }
            }
        }

        return minimum;
    }

    /// <summary>
    /// Removes and returns the pending windows every source has closed (watermark ≥ end + grace),
    /// ordered by window end, start, then stream key.
    /// </summary>
    public IReadOnlyList<PendingWindow> TakeReady(IReadOnlyDictionary<string, int> sourcePartitionCounts, TimeSpan grace)
    {
        if (_pending.Count == 0 || CombinedWatermark(sourcePartitionCounts) is not { } watermark)
        {
            return [];
        }

        var ready = _pending.Values.Where(p => watermark >= p.Window.End + grace).ToList();
        ready.Sort(static (a, b) =>
        {
            var byWindow = Window.CompareByClose(a.Window, b.Window);
            return byWindow != 0 ? byWindow : string.CompareOrdinal(a.Stream.Key, b.Stream.Key);
        });
        foreach (var p in ready)
        {
            _pending.Remove((p.Stream.Key, p.Window));
        }

        return ready;
    }
}
