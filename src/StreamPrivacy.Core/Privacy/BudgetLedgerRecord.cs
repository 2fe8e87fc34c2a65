namespace StreamPrivacy.Core.Privacy;

/// <summary>One stream's spend in one period, in a form any serializer can persist exactly.</summary>
/// <remarks>
/// Privacy semantics: spends are exact rationals written as <c>n/d</c> text (see
/// <see cref="Rational.Parse"/>) so a persisted and restored ledger never rounds a spend down.
/// Importing a record never lowers what the accountant already holds.
/// </remarks>
/// <param name="Stream">The stream key.</param>
/// <param name="PeriodStart">Start of the budget period (UTC).</param>
/// <param name="EpsilonSpent">Pure ε-DP spent, as <c>n/d</c>.</param>
/// <param name="RhoSpent">ρ-zCDP spent, as <c>n/d</c>.</param>
/// <param name="Charges">Accepted charges.</param>
/// <param name="Stopped">True when a charge was refused and the stream is stopped for the period.</param>
public sealed record BudgetLedgerRecord(
    string Stream,
    DateTimeOffset PeriodStart,
    string EpsilonSpent,
    string RhoSpent,
    int Charges,
    bool Stopped);
