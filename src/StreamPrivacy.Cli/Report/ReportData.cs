namespace StreamPrivacy.Cli.Report;

/// <summary>
/// Everything the privacy report is built from, parsed from the output topics: released drift
/// metrics, ledger releases and budget spend, alerts, and the sanitized topics' counts. Holds names,
/// counts and released (noised) values only. Replayed records (same release or alert id) count once.
/// </summary>
internal sealed class ReportData
{
    private readonly HashSet<string> _metricIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _alertIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReleaseEntry> _releases = new(StringComparer.Ordinal);
    private readonly Dictionary<(ReportStream, DateTimeOffset), BudgetEntry> _budgets = [];

    /// <summary>Released drift metrics.</summary>
    public List<MetricPoint> Metrics { get; } = [];

    /// <summary>Ledger releases, one per release id.</summary>
    public IEnumerable<ReleaseEntry> Releases => _releases.Values;

    /// <summary>Budget spend, the latest record per stream and period.</summary>
    public IEnumerable<BudgetEntry> Budgets => _budgets.Values;

    /// <summary>Drift and leakage alerts, one per alert id.</summary>
    public List<AlertEntry> Alerts { get; } = [];

    /// <summary>Sanitized-topic counts per model.</summary>
    public Dictionary<ModelKey, SanitizedTally> Sanitized { get; } = [];

    /// <summary>Records read per topic.</summary>
    public SortedDictionary<string, long> RecordsRead { get; } = new(StringComparer.Ordinal);

    /// <summary>Records per topic that could not be read (not JSON, or missing fields); skipped.</summary>
    public SortedDictionary<string, long> Unreadable { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds a metric unless the same (release, feature, metric) was added before.</summary>
    public void Add(MetricPoint metric)
    {
        if (_metricIds.Add(metric.ReleaseId + "\n" + metric.Feature + "\n" + metric.Metric))
        {
            Metrics.Add(metric);
        }
    }

    /// <summary>Adds a release (the first record of a release id wins: a release is a fact).</summary>
    public void Add(ReleaseEntry release) => _releases.TryAdd(release.ReleaseId, release);

    /// <summary>Adds budget spend; a later record of the same stream and period replaces an earlier one.</summary>
    public void Add(BudgetEntry budget) => _budgets[(budget.Stream, budget.PeriodStart)] = budget;

    /// <summary>Adds an alert unless its id was added before.</summary>
    public void Add(AlertEntry alert)
    {
        if (_alertIds.Add(alert.AlertId))
        {
            Alerts.Add(alert);
        }
    }

    /// <summary>The tally of <paramref name="model"/>, created on first use.</summary>
    public SanitizedTally Tally(ModelKey model)
    {
        if (!Sanitized.TryGetValue(model, out var tally))
        {
            tally = new SanitizedTally();
            Sanitized[model] = tally;
        }

        return tally;
    }

    /// <summary>Counts a record of <paramref name="topic"/>, unreadable when <paramref name="readable"/> is false.</summary>
    public void Count(string topic, bool readable)
    {
        RecordsRead[topic] = RecordsRead.GetValueOrDefault(topic) + 1;
        if (!readable)
        {
            Unreadable[topic] = Unreadable.GetValueOrDefault(topic) + 1;
        }
    }

    /// <summary>Every model that appears anywhere, in name then version order.</summary>
    public IReadOnlyList<ModelKey> Models() =>
        [.. Metrics.Select(m => m.Stream.ModelKey)
            .Concat(Releases.Select(r => r.Stream.ModelKey))
            .Concat(Budgets.Select(b => b.Stream.ModelKey))
            .Concat(Alerts.Select(a => a.Model))
            .Concat(Sanitized.Keys)
            .Distinct()
            .OrderBy(m => m.Name.Length == 0 ? 1 : 0)
            .ThenBy(m => m.Name, StringComparer.Ordinal)
            .ThenBy(m => m.Version, StringComparer.Ordinal)];
}
