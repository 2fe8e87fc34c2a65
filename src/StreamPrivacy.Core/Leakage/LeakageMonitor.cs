namespace StreamPrivacy.Core.Leakage;

/// <summary>
/// Aggregates leakage signals per wall-clock window and turns them into few, actionable alerts:
/// one raise per condition (dedup key) while it persists, one resolve in the first window without
/// it, at most <see cref="LeakageSettings.MaxRaisedPerWindow"/> new raises per kind and window.
/// </summary>
/// <remarks>Holds counts, paths and subject pseudonyms only; memory is bounded by the window's
/// distinct clients and fields. Thread-safe: the sanitize stage's workers observe concurrently and
/// its loop thread closes windows.</remarks>
public sealed class LeakageMonitor
{
    private readonly Lock _gate = new();
    private readonly LeakageSettings _settings;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, LeakageFinding> _raised = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Model, string Version), long> _events = [];
    private readonly Dictionary<(string Model, string Version, string Path, string Entity), long> _outputPii = [];
    private readonly Dictionary<(string Model, string Version, string Path), long> _canaries = [];
    private readonly Dictionary<string, ClientState> _clients = new(StringComparer.Ordinal);
    private long _withheld;
    private long _suppressed;
    private DateTimeOffset _windowStart;

    /// <summary>Creates a monitor; the first window starts now.</summary>
    public LeakageMonitor(LeakageSettings settings, TimeProvider time)
    {
        _settings = settings;
        _time = time;
        _windowStart = Align(time.GetUtcNow());
    }

    /// <summary>Conditions currently raised.</summary>
    public int RaisedCount
    {
        get
        {
            lock (_gate)
            {
                return _raised.Count;
            }
        }
    }

    /// <summary>Raises suppressed by the per-window limit so far.</summary>
    public long Suppressed
    {
        get
        {
            lock (_gate)
            {
                return _suppressed;
            }
        }
    }

    /// <summary>Records the signals of one sanitized model event.</summary>
    public void ObserveEvent(LeakageSignals signals) =>
        ObserveEvent(signals.Model, signals.Version, signals.OutputRedactions, signals.CanaryHits, signals.Client, signals.QueryHash);

    /// <summary>Records one model event: its output redactions (path → entity → count), canary hits per output path, and its client's query.</summary>
    public void ObserveEvent(
        string model,
        string version,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> outputRedactions,
        IReadOnlyDictionary<string, int> canaryHits,
        string? client,
        ulong? querySimHash)
    {
        lock (_gate)
        {
            _events[(model, version)] = _events.GetValueOrDefault((model, version)) + 1;
            foreach (var (path, entities) in outputRedactions)
            {
                foreach (var (entity, count) in entities)
                {
                    var key = (model, version, path, entity);
                    _outputPii[key] = _outputPii.GetValueOrDefault(key) + count;
                }
            }

            foreach (var (path, hits) in canaryHits)
            {
                if (hits > 0)
                {
                    _canaries[(model, version, path)] = _canaries.GetValueOrDefault((model, version, path)) + hits;
                }
            }

            if (client is not null)
            {
                ObserveQuery(model, version, client, querySimHash);
            }
        }
    }

    /// <summary>Records records withheld by post-redaction verification.</summary>
    public void ObserveWithheld(long count = 1)
    {
        lock (_gate)
        {
            _withheld += count;
        }
    }

    /// <summary>Closes every window that ended by now and returns the alert transitions, in order.</summary>
    public IReadOnlyList<LeakageAlert> CloseReady()
    {
        var now = _time.GetUtcNow();
        List<LeakageAlert>? alerts = null;
        lock (_gate)
        {
            while (_windowStart + _settings.Window <= now)
            {
                var end = _windowStart + _settings.Window;
                (alerts ??= []).AddRange(Transitions(Findings(), _windowStart, end));
                Reset();
                _windowStart = end;
            }
        }

        return alerts ?? [];
    }


    // Caller holds the gate.
    private void ObserveQuery(string model, string version, string client, ulong? querySimHash)
    {
        if (!_clients.TryGetValue(client, out var state))
        {
            state = new ClientState(model, version);
            _clients[client] = state;
        }

        state.Queries++;
        if (querySimHash is { } hash)
        {
            if (state.HasNearDuplicate(hash))
            {
                state.NearDuplicates++;
            }

            state.Remember(hash, _settings.NearDuplicateHistory);
        }
    }

    private List<LeakageFinding> Findings()
    {
        var findings = new List<LeakageFinding>();
        foreach (var ((model, version, path, entity), count) in _outputPii)
        {
            if (count >= _settings.OutputPiiThreshold)
            {
                findings.Add(new LeakageFinding(LeakageKind.PiiInModelOutput, model, version, path, entity, null, count, _events.GetValueOrDefault((model, version)), null));
            }
        }

        foreach (var ((model, version, path), count) in _canaries)
        {
            findings.Add(new LeakageFinding(LeakageKind.CanaryHit, model, version, path, null, null, count, _events.GetValueOrDefault((model, version)), null));
        }

        foreach (var (client, state) in _clients)
        {
            var share = state.Queries == 0 ? 0 : (double)state.NearDuplicates / state.Queries;
            if (state.Queries >= _settings.ProbingQueries
                || (state.Queries >= _settings.ProbingMinQueries && share >= _settings.NearDuplicateShare))
            {
                findings.Add(new LeakageFinding(LeakageKind.Probing, state.Model, state.Version, null, null, client, state.Queries, null, Math.Round(share, 3)));
            }
        }

        if (_withheld > 0)
        {
            findings.Add(new LeakageFinding(LeakageKind.PostRedactionHit, string.Empty, string.Empty, null, null, null, _withheld, null, null));
        }

        return findings;
    }

    private IEnumerable<LeakageAlert> Transitions(List<LeakageFinding> findings, DateTimeOffset start, DateTimeOffset end)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        var raisedNow = new Dictionary<LeakageKind, int>();
        foreach (var finding in findings.OrderBy(f => f.Kind).ThenByDescending(f => f.Count).ThenBy(f => f.DedupKey, StringComparer.Ordinal))
        {
            var key = finding.DedupKey;
            present.Add(key);
            if (_raised.ContainsKey(key))
            {
                _raised[key] = finding;
                continue;
            }

            var used = raisedNow.GetValueOrDefault(finding.Kind);
            if (used >= _settings.MaxRaisedPerWindow)
            {
                _suppressed++;
                continue;
            }

            raisedNow[finding.Kind] = used + 1;
            _raised[key] = finding;
            yield return new LeakageAlert(finding, Raised: true, start, end);
        }

        foreach (var (key, last) in _raised.Where(kv => !present.Contains(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList())
        {
            _raised.Remove(key);
            yield return new LeakageAlert(last with { Count = 0 }, Raised: false, start, end);
        }
    }

    private void Reset()
    {
        _events.Clear();
        _outputPii.Clear();
        _canaries.Clear();
        _clients.Clear();
        _withheld = 0;
    }

    private DateTimeOffset Align(DateTimeOffset now)
    {
        var ticks = _settings.Window.Ticks;
        return new DateTimeOffset(now.UtcTicks / ticks * ticks, TimeSpan.Zero);
    }

    private sealed class ClientState(string model, string version)
    {
        public string Model { get; } = model;

        public string Version { get; } = version;

        public long Queries { get; set; }

        public long NearDuplicates { get; set; }

        // The last NearDuplicateHistory query hashes, as a ring.
        private ulong[] _recent = [];
        private int _count;
        private int _next;

        public bool HasNearDuplicate(ulong hash)
        {
            for (var i = 0; i < _count; i++)
            {
                if (SimHash.Distance(_recent[i], hash) <= SimHash.NearDuplicateDistance)
                {
                    return true;
                }
            }

            return false;
        }

        public void Remember(ulong hash, int history)
        {
            if (history <= 0)
            {
                return;
            }

            if (_recent.Length < history && _count == _recent.Length)
            {
                // Full but below the history length: nothing was overwritten yet, so the ring is in order.
                Array.Resize(ref _recent, Math.Min(history, Math.Max(4, _recent.Length * 2)));
                _next = _count;
            }

            _recent[_next] = hash;
            _next = (_next + 1) % _recent.Length;
            _count = Math.Min(_count + 1, _recent.Length);
        }
    }
}
