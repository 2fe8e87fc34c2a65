using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Kafka.Telemetry;

/// <summary>One stream's privacy spend in its latest budget period, as plain numbers for gauges.</summary>
/// <remarks>ε and ρ are public parameters of the release mechanism, not data (DESIGN §3).</remarks>
internal readonly record struct StreamBudget(string Stream, double EpsilonSpent, double EpsilonRemaining, double RhoSpent, double RhoRemaining)
{
    /// <summary>
    /// Per stream, the latest budget period it was charged in (periods follow window event time, so
    /// this is the current period while data is live). Spends are exact rationals rounded to double
    /// only here, for display.
    /// </summary>
    public static IReadOnlyList<StreamBudget> Latest(IReadOnlyList<BudgetLedgerRecord> ledgers, PrivacyBudgetOptions budget) =>
        [.. ledgers
            .GroupBy(l => l.Stream, StringComparer.Ordinal)
            .Select(g => g.MaxBy(l => l.PeriodStart)!)
            .Select(l =>
            {
                var epsilon = Rational.Parse(l.EpsilonSpent);
                var rho = Rational.Parse(l.RhoSpent);
                return new StreamBudget(
                    l.Stream,
                    epsilon.ToDouble(),
                    Remaining(budget.EpsilonPerPeriod, epsilon),
                    rho.ToDouble(),
                    Remaining(budget.RhoPerPeriod, rho));
            })];

    private static double Remaining(Rational budget, Rational spent) => budget > spent ? (budget - spent).ToDouble() : 0.0;
}
