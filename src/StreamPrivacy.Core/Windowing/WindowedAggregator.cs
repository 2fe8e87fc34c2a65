namespace StreamPrivacy.Core.Windowing;

/// <summary>Per-stream event-time window state, closed exactly once by a watermark.</summary>
/// <typeparam name="TState">
/// The state of one (stream, window), e.g. one <c>FeatureHistogram</c> per feature. Its size
/// should not depend on the number of records, so memory is bounded by the open windows.
/// </typeparam>
/// <remarks>
/// <para>
/// Only open windows hold state. A window closes when the combined watermark of the
/// <see cref="WatermarkTracker"/> reaches its end plus grace; <see cref="CloseReady"/> then
/// hands its state out once and forgets it. A record whose windows have all closed is late: it
/// is counted per stream and changes nothing, because a released window is a fact (DESIGN §3).
/// </para>
/// <para>
/// "Closed" is decided by the watermark as of the last <see cref="CloseReady"/> (or
/// <see cref="WatermarkTracker.Advance"/>), and, per stream, by the end of the latest window
/// already handed out. The second check keeps a window from reopening even if the tracker were
/// replaced; it costs one timestamp per stream.
/// </para>
/// <para>
/// With hopping windows a record belongs to several windows; it updates the open ones and
/// skips the closed ones, and only counts as late when none is open.
/// </para>
/// <para>Not thread-safe: one aggregator per consume loop.</para>
/// </remarks>
internal sealed class WindowedAggregator<TState>
{
    private readonly WindowSpec _spec;
    private readonly WatermarkTracker _watermarks;
    private readonly Func<string, Window, TState> _createState;
    private readonly ContributionBounder? _bounder;
    private readonly Dictionary<(string StreamKey, Window Window), TState> _open = [];
    private readonly Dictionary<string, DateTimeOffset> _closedThrough = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _late = new(StringComparer.Ordinal);

    /// <summary>
    /// Creates an aggregator. <paramref name="createState"/> builds the empty state of a window
    /// on its first record; <paramref name="bounder"/>, when given, applies the contribution
    /// bound to records added with a subject and is told when windows close.
    /// </summary>
    public WindowedAggregator(
        WindowSpec spec,
        WatermarkTracker watermarks,
        Func<string, Window, TState> createState,
        ContributionBounder? bounder = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(watermarks);
        ArgumentNullException.ThrowIfNull(createState);
        _spec = spec;
        _watermarks = watermarks;
        _createState = createState;
        _bounder = bounder;
    }

    /// <summary>The window layout.</summary>
    public WindowSpec Spec => _spec;

    /// <summary>The watermark tracker deciding when windows close.</summary>
    public WatermarkTracker Watermarks => _watermarks;

    /// <summary>(stream, window) pairs currently holding state.</summary>
    public int OpenWindowCount => _open.Count;

    /// <summary>The states of the open windows.</summary>
    public IReadOnlyCollection<TState> OpenStates => _open.Values;

    /// <summary>Late records over all streams.</summary>
    public long TotalLate { get; private set; }

    /// <summary>Late records of <paramref name="streamKey"/>.</summary>
    public long LateCount(string streamKey) => _late.TryGetValue(streamKey, out var count) ? count : 0;

    /// <summary>
    /// Adds a record without contribution bounding: observes its event time on
    /// <paramref name="partition"/>'s watermark, then runs <paramref name="update"/> on the state
    /// of each open window containing <paramref name="eventTime"/>.
    /// </summary>
    public WindowAddResult Add(string streamKey, DateTimeOffset eventTime, int partition, Action<TState> update) =>
        AddCore(streamKey, eventTime, partition, subject: null, update);

    /// <summary>
    /// As <see cref="Add(string, DateTimeOffset, int, Action{TState})"/>, but each window only
    /// takes the record while <paramref name="subject"/> is within the contribution bound there.
    /// </summary>
    /// <exception cref="InvalidOperationException">The aggregator was created without a bounder.</exception>
    public WindowAddResult Add(string streamKey, DateTimeOffset eventTime, int partition, string subject, Action<TState> update)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (_bounder is null)
        {
            throw new InvalidOperationException("The aggregator has no contribution bounder.");
        }

        return AddCore(streamKey, eventTime, partition, subject, update);
    }

    /// <summary>
    /// Advances the watermark to the current wall-clock time and returns every (stream, window)
    /// that closed, ordered by window end, then start, then stream key (ordinal). Each window is
    /// returned once; later calls never return it again.
    /// </summary>
    public IReadOnlyList<ClosedWindow<TState>> CloseReady()
    {
        _watermarks.Advance();
        List<ClosedWindow<TState>>? closed = null;
        foreach (var ((streamKey, window), state) in _open)
        {
            if (_watermarks.IsClosed(window))
            {
                (closed ??= []).Add(new ClosedWindow<TState>(streamKey, window, state));
            }
        }

        if (closed is null)
        {
            return [];
        }

        closed.Sort(static (a, b) =>
        {
            var byWindow = Window.CompareByClose(a.Window, b.Window);
            return byWindow != 0 ? byWindow : string.CompareOrdinal(a.StreamKey, b.StreamKey);
        });

        foreach (var item in closed)
        {
            _open.Remove((item.StreamKey, item.Window));
            if (!_closedThrough.TryGetValue(item.StreamKey, out var through) || item.Window.End > through)
            {
                _closedThrough[item.StreamKey] = item.Window.End;
            }

            _bounder?.CloseWindow(item.StreamKey, item.Window);
        }

        return closed;
    }

    private WindowAddResult AddCore(string streamKey, DateTimeOffset eventTime, int partition, string? subject, Action<TState> update)
    {
        ArgumentNullException.ThrowIfNull(streamKey);
        ArgumentNullException.ThrowIfNull(update);

        _watermarks.Observe(partition, eventTime);

        var counted = false;
        var bounded = false;
        foreach (var window in _spec.WindowsFor(eventTime))
        {
            if (IsClosed(streamKey, window))
            {
                continue;
            }

            if (subject is not null && !_bounder!.TryContribute(streamKey, window, subject))
            {
                bounded = true;
                continue;
            }

            if (!_open.TryGetValue((streamKey, window), out var state))
            {
                state = _createState(streamKey, window);
                _open[(streamKey, window)] = state;
            }

            update(state);
            counted = true;
        }

        if (counted)
        {
            return WindowAddResult.Counted;
        }

        if (bounded)
        {
            return WindowAddResult.OverContributionBound;
        }

        _late[streamKey] = LateCount(streamKey) + 1;
        TotalLate++;
        return WindowAddResult.Late;
    }

    private bool IsClosed(string streamKey, Window window) =>
        _watermarks.IsClosed(window)
        || (_closedThrough.TryGetValue(streamKey, out var through) && window.End <= through);
}
