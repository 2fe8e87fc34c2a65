namespace StreamPrivacy.Core.Privacy;

/// <summary>A stream's privacy spend in one budget period.</summary>
/// <remarks>
/// Privacy semantics: <see cref="EpsilonSpent"/> and <see cref="RhoSpent"/> are the exact composed
/// costs of the releases charged in the period. <see cref="Exhausted"/> means the stream must not
/// release again until the period rolls over (a charge was refused, or a budget is fully spent);
/// <see cref="PeriodClosed"/> means the period is older than the accountant retains, so nothing can
/// be charged to it (its spend is then unknown and shown as zero). <see cref="RhoAsEpsilon"/> reports the zCDP spend as ε at <see cref="Delta"/>.
/// </remarks>
/// <param name="Stream">The stream key.</param>
/// <param name="PeriodStart">Inclusive start of the budget period (UTC).</param>
/// <param name="PeriodEnd">Exclusive end of the budget period (UTC).</param>
/// <param name="EpsilonSpent">Pure ε-DP spent.</param>
/// <param name="EpsilonBudget">Pure ε-DP budget.</param>
/// <param name="RhoSpent">ρ-zCDP spent.</param>
/// <param name="RhoBudget">ρ-zCDP budget.</param>
/// <param name="Charges">Number of accepted charges.</param>
/// <param name="Exhausted">True when the stream is stopped for the rest of the period.</param>
/// <param name="NearExhausted">True when a budget's spent fraction reached the configured threshold.</param>
/// <param name="PeriodClosed">True when the period is no longer retained (charges are refused).</param>
/// <param name="Delta">δ used for <see cref="RhoAsEpsilon"/>.</param>
public sealed record BudgetState(
    string Stream,
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    Rational EpsilonSpent,
    Rational EpsilonBudget,
    Rational RhoSpent,
    Rational RhoBudget,
    int Charges,
    bool Exhausted,
    bool NearExhausted,
    bool PeriodClosed,
    double Delta)
{
    /// <summary>Pure ε-DP left in the period (never negative).</summary>
    public Rational EpsilonRemaining => EpsilonBudget > EpsilonSpent ? EpsilonBudget - EpsilonSpent : Rational.Zero;

    /// <summary>ρ-zCDP left in the period (never negative).</summary>
    public Rational RhoRemaining => RhoBudget > RhoSpent ? RhoBudget - RhoSpent : Rational.Zero;

    /// <summary>The larger spent fraction of the two budgets (those with a positive budget), for display.</summary>
    public double SpentFraction => Math.Max(
        EpsilonBudget.Sign > 0 ? (EpsilonSpent / EpsilonBudget).ToDouble() : 0,
        RhoBudget.Sign > 0 ? (RhoSpent / RhoBudget).ToDouble() : 0);

    /// <summary>The zCDP spend as approximate-DP ε at <see cref="Delta"/> (Bun–Steinke Prop. 1.3).</summary>
    public double RhoAsEpsilon => PrivacyConversions.ZcdpToEpsilon(RhoSpent.ToDouble(), Delta);

    /// <summary>The zCDP spend as approximate-DP ε at <see cref="Delta"/>, tighter RDP-based conversion.</summary>
    public double RhoAsEpsilonTight => PrivacyConversions.ZcdpToEpsilonTight(RhoSpent.ToDouble(), Delta);
}
