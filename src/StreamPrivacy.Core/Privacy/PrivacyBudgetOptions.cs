namespace StreamPrivacy.Core.Privacy;

/// <summary>Per-stream privacy budget of the <see cref="PrivacyAccountant"/>.</summary>
/// <remarks>
/// Privacy semantics: every stream gets <see cref="EpsilonPerPeriod"/> of pure ε-DP and
/// <see cref="RhoPerPeriod"/> of ρ-zCDP per budget period (by default a UTC day). The two ledgers
/// are kept separately: a stream that spends ε₀ and ρ₀ in a period is ε₀-DP composed with ρ₀-zCDP,
/// which is (ε₀ + ρ₀ + 2√(ρ₀·ln(1/δ)), δ)-DP for a subject's data within that period. Set
/// <see cref="ChargeEpsilonAsZcdp"/> to account everything on one zCDP ledger instead (a pure ε
/// charge then costs ρ = ε²/2, which is tighter when many small ε releases compose).
/// </remarks>
public sealed record PrivacyBudgetOptions
{
    /// <summary>Pure ε-DP budget per stream and period (0 forbids pure-DP releases).</summary>
    public Rational EpsilonPerPeriod { get; init; } = Rational.One;

    /// <summary>ρ-zCDP budget per stream and period (0 forbids zCDP releases).</summary>
    public Rational RhoPerPeriod { get; init; } = new(1, 2);

    /// <summary>Length of a budget period.</summary>
    public TimeSpan Period { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Any period boundary; the default (Unix epoch) aligns daily periods to UTC midnight.</summary>
    public DateTimeOffset PeriodOrigin { get; init; } = DateTimeOffset.UnixEpoch;

    /// <summary>Fraction of a budget at which a stream is reported as near exhaustion.</summary>
    public Rational NearExhaustedFraction { get; init; } = new(4, 5);

    /// <summary>δ for reporting the zCDP spend as (ε, δ)-DP.</summary>
    public double Delta { get; init; } = 1e-6;

    /// <summary>When true, pure ε charges are converted to ρ = ε²/2 and charged to the zCDP ledger.</summary>
    public bool ChargeEpsilonAsZcdp { get; init; }

    /// <summary>
    /// Periods kept in memory, counting the current one; charges for windows in older periods are
    /// refused because their spend is no longer known.
    /// </summary>
    public int RetainedPeriods { get; init; } = 2;
}
