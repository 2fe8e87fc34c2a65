using StreamPrivacy.Core.Drift;
using StreamPrivacy.Core.Drift.Release;
using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Kafka.Configuration;

/// <summary>
/// The profile and release stages (DESIGN §2–4): windows, watermarks, contribution bound, DP
/// mechanism, budget and reference profiles. Drift runs for the models listed in
/// <see cref="References"/>; events of other models are counted and skipped by the profile stage.
/// </summary>
public sealed class DriftOptions
{
    /// <summary>Runs the profile and release stages when <see cref="References"/> names at least one model. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Model name (for feature events: feature set name) → reference file: a stored profile
    /// (<c>streamprivacy profile</c>) or JSON lines of events.
    /// </summary>
    public Dictionary<string, string> References { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Equal-frequency bins per numeric feature when a reference is built from events. Default 10.</summary>
    public int Bins { get; set; } = 10;

    /// <summary>Window size. Default 5 minutes.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Hop for hopping windows; unset means tumbling.</summary>
    public TimeSpan? Hop { get; set; }

    /// <summary>Allowed out-of-orderness of event times. Default 30 s.</summary>
    public TimeSpan OutOfOrderness { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Extra event time after a window's end before it closes. Default 0.</summary>
    public TimeSpan Grace { get; set; } = TimeSpan.Zero;

    /// <summary>Wall-clock time without records after which a partition stops holding windows open. Default 30 s.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the profile stage announces its partitions' watermarks. Default 1 s.</summary>
    public TimeSpan MarkerInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Windows without events that are still released (with zero counts plus noise) between windows
    /// with events of a stream, so that whether a window is released does not reveal whether anyone
    /// was in it. A stream silent for longer turns dormant until its next event. Tumbling windows
    /// only. Default 12 (an hour of 5-minute windows); 0 releases only windows with events.
    /// </summary>
    public int MaxEmptyWindows { get; set; } = 12;

    /// <summary>k: records per subject, stream and window. Default 1.</summary>
    public int ContributionBound { get; set; } = 1;

    /// <summary><c>discrete_laplace</c> (default), <c>discrete_gaussian</c> or <c>none</c> (exact, no privacy).</summary>
    public string Mechanism { get; set; } = "discrete_laplace";

    /// <summary>ε per stream and window, all features together (discrete Laplace). Default 0.1.</summary>
    public decimal EpsilonPerWindow { get; set; } = 0.1m;

    /// <summary>ρ per stream and window, all features together (discrete Gaussian). Default 0.005.</summary>
    public decimal RhoPerWindow { get; set; } = 0.005m;

    /// <summary>ε budget per stream and budget period. Default 30 (300 windows of 0.1).</summary>
    public decimal EpsilonPerPeriod { get; set; } = 30m;

    /// <summary>ρ budget per stream and budget period. Default 1.5.</summary>
    public decimal RhoPerPeriod { get; set; } = 1.5m;

    /// <summary>Budget period. Default 24 hours (aligned to UTC midnight).</summary>
    public TimeSpan BudgetPeriod { get; set; } = TimeSpan.FromDays(1);

    /// <summary>PSI threshold of the drift rule. Default 0.2.</summary>
    public double PsiThreshold { get; set; } = DriftThresholds.DefaultPsiThreshold;

    /// <summary>Consecutive drifted windows that raise an alert. Default 1.</summary>
    public int RaiseAfter { get; set; } = 1;

    /// <summary>Consecutive calm windows that resolve a raised alert. Default 1.</summary>
    public int ResolveAfter { get; set; } = 1;

    /// <summary>Simulated re-noisings per feature for error bars. Default 100.</summary>
    public int ErrorBarSamples { get; set; } = FeatureReleaser.DefaultErrorBarSamples;

    /// <summary>The release mechanism.</summary>
    public ReleaseMechanism ParsedMechanism => Mechanism switch
    {
        "discrete_laplace" => ReleaseMechanism.DiscreteLaplace,
        "discrete_gaussian" => ReleaseMechanism.DiscreteGaussian,
        "none" => ReleaseMechanism.None,
        _ => throw new OptionsValidationException($"drift.mechanism: '{Mechanism}' is not discrete_laplace, discrete_gaussian or none"),
    };

    /// <summary>The release settings these options describe.</summary>
    public ReleaseSettings ToReleaseSettings() => new()
    {
        Mechanism = ParsedMechanism,
        EpsilonPerWindow = Rational.FromDecimal(EpsilonPerWindow),
        RhoPerWindow = Rational.FromDecimal(RhoPerWindow),
        ContributionBound = ContributionBound,
        Thresholds = new DriftThresholds { Default = new Dictionary<DriftMetric, double> { [DriftMetric.Psi] = PsiThreshold } },
        ErrorBarSamples = ErrorBarSamples,
    };

    /// <summary>The accountant's budget.</summary>
    public PrivacyBudgetOptions ToBudget() => new()
    {
        EpsilonPerPeriod = Rational.FromDecimal(EpsilonPerPeriod),
        RhoPerPeriod = Rational.FromDecimal(RhoPerPeriod),
        Period = BudgetPeriod,
    };

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        _ = ParsedMechanism;
        if (Window <= TimeSpan.Zero || Hop is { } hop && (hop <= TimeSpan.Zero || hop > Window))
        {
            throw new OptionsValidationException("drift.window must be positive and drift.hop in (0, window]");
        }

        if (OutOfOrderness < TimeSpan.Zero || Grace < TimeSpan.Zero || IdleTimeout <= TimeSpan.Zero || MarkerInterval <= TimeSpan.Zero)
        {
            throw new OptionsValidationException("drift.out_of_orderness and drift.grace must be >= 0, drift.idle_timeout and drift.marker_interval > 0");
        }

        if (MaxEmptyWindows < 0)
        {
            throw new OptionsValidationException("drift.max_empty_windows must be >= 0");
        }

        if (ContributionBound < 1 || Bins < 2 || RaiseAfter < 1 || ResolveAfter < 1 || ErrorBarSamples < 0)
        {
            throw new OptionsValidationException("drift.contribution_bound, drift.raise_after and drift.resolve_after must be >= 1, drift.bins >= 2, drift.error_bar_samples >= 0");
        }

        if (EpsilonPerWindow <= 0 || RhoPerWindow <= 0 || EpsilonPerPeriod < 0 || RhoPerPeriod < 0 || BudgetPeriod <= TimeSpan.Zero)
        {
            throw new OptionsValidationException("drift: per-window ε and ρ must be positive, budgets non-negative, budget_period positive");
        }

        if (References.Any(kv => string.IsNullOrWhiteSpace(kv.Key) || string.IsNullOrWhiteSpace(kv.Value)))
        {
            throw new OptionsValidationException("drift.references: every entry needs a model name and a file");
        }
    }
}
