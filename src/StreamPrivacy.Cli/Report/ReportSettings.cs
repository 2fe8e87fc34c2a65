namespace StreamPrivacy.Cli.Report;

/// <summary>Settings the report cannot read from the topics: the configured thresholds and budgets.</summary>
internal sealed record ReportSettings
{
    /// <summary>Default psi threshold (a drift alert's own threshold wins for its feature).</summary>
    public double PsiThreshold { get; init; } = 0.2;

    /// <summary>Configured ε budget per period (a budget alert's own figure wins for its stream).</summary>
    public double EpsilonPerPeriod { get; init; } = 30;

    /// <summary>Configured ρ budget per period.</summary>
    public double RhoPerPeriod { get; init; } = 1.5;

    /// <summary>Configured budget period.</summary>
    public TimeSpan BudgetPeriod { get; init; } = TimeSpan.FromDays(1);

    /// <summary>When the report was generated.</summary>
    public DateTimeOffset GeneratedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Where the records came from (e.g. the bootstrap servers), shown in the header.</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>Most alerts listed per model in the alert table (all are drawn on the timeline).</summary>
    public int MaxAlertRows { get; init; } = 100;
}
