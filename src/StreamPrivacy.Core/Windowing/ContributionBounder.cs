namespace StreamPrivacy.Core.Windowing;

/// <summary>Caps the records each subject contributes per stream and window (DESIGN §3).</summary>
/// <remarks>
/// <para>
/// Counting is exact: per open (stream, window) a count per subject pseudonym, so memory grows
/// with the distinct subjects of open windows only and is freed by <see cref="CloseWindow"/>.
/// Under-counting a subject would break the sensitivity bound, so nothing is approximated.
/// </para>
/// <para>
/// After a window closes, the stream remembers only the latest closed window end. A record for
/// a window at or before it is refused (and counted as dropped) rather than starting a fresh
/// count, which would let a subject contribute k more records to a window already released.
/// This relies on windows of a stream closing in end order, which a monotonic watermark gives.
/// </para>
/// <para>Not thread-safe.</para>
/// </remarks>
internal sealed class ContributionBounder
{
    /// <summary>Default records per subject, stream and window.</summary>
    public const int DefaultMaxPerWindow = 1;

    private readonly Dictionary<(string StreamKey, Window Window), Dictionary<string, int>> _open = [];
    private readonly Dictionary<string, DateTimeOffset> _closedThrough = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _dropped = new(StringComparer.Ordinal);

    /// <summary>Creates a bounder allowing <paramref name="maxPerWindow"/> records per subject (k ≥ 1).</summary>
    public ContributionBounder(int maxPerWindow = DefaultMaxPerWindow)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerWindow, 1);
        MaxPerWindow = maxPerWindow;
    }

    /// <summary>The bound k: records per subject, stream and window.</summary>
    public int MaxPerWindow { get; }

    /// <summary>Records refused over all streams.</summary>
    public long TotalDropped { get; private set; }

    /// <summary>(stream, window) pairs holding subject counts.</summary>
    public int OpenWindowCount => _open.Count;

    /// <summary>
    /// True (and counted) when <paramref name="subject"/> has contributed fewer than k records to
    /// (<paramref name="streamKey"/>, <paramref name="window"/>); false (and counted as dropped)
    /// otherwise or when the window has already closed.
    /// </summary>
    public bool TryContribute(string streamKey, Window window, string subject)
    {
        ArgumentNullException.ThrowIfNull(streamKey);
        ArgumentNullException.ThrowIfNull(subject);

        if (_closedThrough.TryGetValue(streamKey, out var closedThrough) && window.End <= closedThrough)
        {
            return Drop(streamKey);
        }

        if (!_open.TryGetValue((streamKey, window), out var subjects))
        {
            subjects = new Dictionary<string, int>(StringComparer.Ordinal);
            _open[(streamKey, window)] = subjects;
        }

        subjects.TryGetValue(subject, out var used);
        if (used >= MaxPerWindow)
        {
            return Drop(streamKey);
        }

        subjects[subject] = used + 1;
        return true;
    }

    /// <summary>Forgets the subject counts of a closed window and refuses it from now on.</summary>
    public void CloseWindow(string streamKey, Window window)
    {
        ArgumentNullException.ThrowIfNull(streamKey);
        _open.Remove((streamKey, window));
        if (!_closedThrough.TryGetValue(streamKey, out var closedThrough) || window.End > closedThrough)
        {
            _closedThrough[streamKey] = window.End;
        }
    }

    /// <summary>Records refused for <paramref name="streamKey"/>.</summary>
    public long DroppedCount(string streamKey) =>
        _dropped.TryGetValue(streamKey, out var count) ? count : 0;

    private bool Drop(string streamKey)
    {
        _dropped[streamKey] = DroppedCount(streamKey) + 1;
        TotalDropped++;
        return false;
    }
}
