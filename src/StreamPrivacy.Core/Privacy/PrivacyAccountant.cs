namespace StreamPrivacy.Core.Privacy;

/// <summary>
/// Enforces a per-stream privacy budget per period: a release happens only if its charge fits what
/// is left of the stream's budget for the period of the release's window.
/// </summary>
/// <remarks>
/// <para>Privacy semantics (DESIGN §3): the caller charges the total cost of all features of a stream
/// in a window (they all contain the same subject); consecutive windows add up over the period.
/// Pure ε and ρ-zCDP are separate ledgers (see <see cref="PrivacyBudgetOptions"/>), both exact
/// rationals. A charge that does not fit is refused atomically — nothing is spent — and the stream
/// is stopped for the rest of the period, even if a smaller later charge would fit, so that a
/// stream's releases end cleanly when its budget runs out.</para>
/// <para>A window belongs to the period containing its start (data time). The clock
/// (<see cref="TimeProvider"/>) only decides which periods are still retained: ledgers older than
/// <see cref="PrivacyBudgetOptions.RetainedPeriods"/> are dropped and charges for them are refused.
/// Thread-safe: all operations take one lock, so concurrent charges can never overspend.</para>
/// </remarks>
public sealed class PrivacyAccountant
{
    private readonly PrivacyBudgetOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Stream, DateTimeOffset PeriodStart), Ledger> _ledgers = [];

    /// <summary>Creates an accountant with the given budget; <paramref name="timeProvider"/> defaults to the system clock.</summary>
    public PrivacyAccountant(PrivacyBudgetOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The budget configuration.</summary>
    public PrivacyBudgetOptions Options => _options;

    /// <summary>The budget period containing <paramref name="at"/>: [start, end), in UTC.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) PeriodOf(DateTimeOffset at)
    {
        var periodTicks = _options.Period.Ticks;
        var offset = (at.UtcTicks - _options.PeriodOrigin.UtcTicks);
        var index = offset >= 0 ? offset / periodTicks : -((-offset + periodTicks - 1) / periodTicks);
        var start = new DateTimeOffset(_options.PeriodOrigin.UtcTicks + (index * periodTicks), TimeSpan.Zero);
        return (start, start + _options.Period);
    }

    /// <summary>
    /// Charges <paramref name="charge"/> to <paramref name="stream"/>'s budget for the period of
    /// <paramref name="windowStart"/> if it fits; otherwise spends nothing, stops the stream for the
    /// period and returns false. <paramref name="state"/> is the state after the attempt.
    /// </summary>
    public bool TryCharge(string stream, PrivacyCharge charge, DateTimeOffset windowStart, out BudgetState state)
    {
        ArgumentException.ThrowIfNullOrEmpty(stream);
        var (start, _) = PeriodOf(windowStart);
        var (epsilon, rho) = _options.ChargeEpsilonAsZcdp
            ? (Rational.Zero, charge.Rho + PrivacyConversions.PureDpToZcdp(charge.Epsilon))
            : (charge.Epsilon, charge.Rho);

        lock (_lock)
        {
            Prune();
            if (start < OldestRetainedStart())
            {
                state = ClosedState(stream, start);
                return false;
            }

            var key = (stream, start);
            if (!_ledgers.TryGetValue(key, out var ledger))
            {
                ledger = new Ledger();
                _ledgers[key] = ledger;
            }

            var fits = !IsExhausted(ledger)
                && ledger.EpsilonSpent + epsilon <= _options.EpsilonPerPeriod
                && ledger.RhoSpent + rho <= _options.RhoPerPeriod;
            if (fits)
            {
                ledger.EpsilonSpent += epsilon;
                ledger.RhoSpent += rho;
                ledger.Charges++;
            }
            else
            {
                ledger.Stopped = true;
            }

            state = StateOf(stream, start, ledger);
            return fits;
        }
    }

    /// <summary>The state of <paramref name="stream"/> in the period containing <paramref name="at"/>.</summary>
    public BudgetState Get(string stream, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrEmpty(stream);
        var (start, _) = PeriodOf(at);
        lock (_lock)
        {
            Prune();
            if (start < OldestRetainedStart())
            {
                return ClosedState(stream, start);
            }

            return StateOf(stream, start, _ledgers.GetValueOrDefault((stream, start)) ?? new Ledger());
        }
    }

    /// <summary>The state of <paramref name="stream"/> in the current period (by the time provider).</summary>
    public BudgetState Get(string stream) => Get(stream, _time.GetUtcNow());

    /// <summary>All retained ledgers, ordered by stream then period, for persisting (e.g. to the ledger topic).</summary>
    public IReadOnlyList<BudgetLedgerRecord> Export()
    {
        lock (_lock)
        {
            Prune();
            return [.. _ledgers
                .OrderBy(e => e.Key.Stream, StringComparer.Ordinal)
                .ThenBy(e => e.Key.PeriodStart)
                .Select(e => new BudgetLedgerRecord(
                    e.Key.Stream,
                    e.Key.PeriodStart,
                    e.Value.EpsilonSpent.ToString(),
                    e.Value.RhoSpent.ToString(),
                    e.Value.Charges,
                    e.Value.Stopped))];
        }
    }

    /// <summary>
    /// Merges persisted ledgers: per stream and period the larger spend and charge count win and a
    /// stop sticks, so importing (even stale or repeated records) never lowers a spend. Records for
    /// periods no longer retained are ignored; a period start off the current grid is mapped to the
    /// period containing it.
    /// </summary>
    public void Import(IEnumerable<BudgetLedgerRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var parsed = records.Select(r => (
            r.Stream,
            Start: PeriodOf(r.PeriodStart).Start,
            Epsilon: Rational.Parse(r.EpsilonSpent),
            Rho: Rational.Parse(r.RhoSpent),
            r.Charges,
            r.Stopped)).ToList();

        lock (_lock)
        {
            Prune();
            var oldest = OldestRetainedStart();
            foreach (var record in parsed.Where(r => r.Start >= oldest))
            {
                ArgumentException.ThrowIfNullOrEmpty(record.Stream, nameof(records));
                var key = (record.Stream, record.Start);
                if (!_ledgers.TryGetValue(key, out var ledger))
                {
                    ledger = new Ledger();
                    _ledgers[key] = ledger;
                }

                ledger.EpsilonSpent = Max(ledger.EpsilonSpent, record.Epsilon);
                ledger.RhoSpent = Max(ledger.RhoSpent, record.Rho);
                ledger.Charges = Math.Max(ledger.Charges, record.Charges);
                ledger.Stopped |= record.Stopped;
            }
        }
    }

    private static Rational Max(Rational a, Rational b) => a >= b ? a : b;

    private static void Validate(PrivacyBudgetOptions options)
    {
        if (options.EpsilonPerPeriod.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.EpsilonPerPeriod, "the ε budget must be non-negative");
        }

        if (options.RhoPerPeriod.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.RhoPerPeriod, "the ρ budget must be non-negative");
        }

        if (options.Period <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Period, "the budget period must be positive");
        }

        if (options.NearExhaustedFraction.Sign <= 0 || options.NearExhaustedFraction > Rational.One)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.NearExhaustedFraction, "the near-exhaustion fraction lies in (0, 1]");
        }

        if (!(options.Delta > 0 && options.Delta < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Delta, "δ lies in (0, 1)");
        }

        if (options.RetainedPeriods < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.RetainedPeriods, "at least the current period is retained");
        }
    }

    /// <summary>
    /// Start of the oldest budget period still retained (now, per the time provider): charges for windows
    /// starting before it are refused, so such windows can never be released again.
    /// </summary>
    public DateTimeOffset RetainedFrom => OldestRetainedStart();

    private DateTimeOffset OldestRetainedStart() =>
        PeriodOf(_time.GetUtcNow()).Start - (_options.Period * (_options.RetainedPeriods - 1));

    private void Prune()
    {
        var oldest = OldestRetainedStart();
        foreach (var key in _ledgers.Keys.Where(k => k.PeriodStart < oldest).ToList())
        {
            _ledgers.Remove(key);
        }
    }

    private bool IsExhausted(Ledger ledger) =>
        ledger.Stopped
        || (_options.EpsilonPerPeriod.Sign > 0 && ledger.EpsilonSpent >= _options.EpsilonPerPeriod)
        || (_options.RhoPerPeriod.Sign > 0 && ledger.RhoSpent >= _options.RhoPerPeriod);

    private bool IsNearExhausted(Ledger ledger) =>
        (_options.EpsilonPerPeriod.Sign > 0 && ledger.EpsilonSpent >= _options.EpsilonPerPeriod * _options.NearExhaustedFraction)
        || (_options.RhoPerPeriod.Sign > 0 && ledger.RhoSpent >= _options.RhoPerPeriod * _options.NearExhaustedFraction);

    private BudgetState StateOf(string stream, DateTimeOffset start, Ledger ledger) => new(
        stream,
        start,
        start + _options.Period,
        ledger.EpsilonSpent,
        _options.EpsilonPerPeriod,
        ledger.RhoSpent,
        _options.RhoPerPeriod,
        ledger.Charges,
        IsExhausted(ledger),
        IsNearExhausted(ledger),
        PeriodClosed: false,
        _options.Delta);

    private BudgetState ClosedState(string stream, DateTimeOffset start) =>
        StateOf(stream, start, new Ledger { Stopped = true }) with { PeriodClosed = true };

    private sealed class Ledger
    {
        public Rational EpsilonSpent { get; set; }

        public Rational RhoSpent { get; set; }

        public int Charges { get; set; }

        public bool Stopped { get; set; }
    }
}
