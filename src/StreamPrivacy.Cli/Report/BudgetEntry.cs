namespace StreamPrivacy.Cli.Report;

/// <summary>A stream's spend in one budget period (the latest <c>budget_charge</c> ledger record).</summary>
/// <param name="Stream">Stream.</param>
/// <param name="PeriodStart">Start of the budget period.</param>
/// <param name="EpsilonSpent">Exact ε spent, e.g. <c>3/2</c>.</param>
/// <param name="RhoSpent">Exact ρ spent.</param>
/// <param name="Charges">Releases charged in the period.</param>
/// <param name="Stopped">Whether the stream stopped releasing because the budget ran out.</param>
internal sealed record BudgetEntry(ReportStream Stream, DateTimeOffset PeriodStart, string EpsilonSpent, string RhoSpent, int Charges, bool Stopped);
