using Microsoft.Extensions.Time.Testing;
using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Core.Tests.Privacy;

public sealed class PrivacyAccountantTests
{
    private static readonly DateTimeOffset Day1 = new(2026, 3, 10, 0, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Day1.AddHours(9));

    private static PrivacyBudgetOptions Options => new()
    {
        EpsilonPerPeriod = 1,
        RhoPerPeriod = new Rational(1, 2),
    };

    [Fact]
    public void TryCharge_TenthsUpToBudget_AllAcceptedAndSpentIsExact()
    {
        var accountant = new PrivacyAccountant(Options, _time);
        BudgetState state = null!;
        for (var i = 0; i < 10; i++)
        {
            Assert.True(accountant.TryCharge("orders", PrivacyCharge.ForEpsilon(Rational.FromDecimal(0.1m)), Day1.AddMinutes(5 * i), out state));
        }

        Assert.Equal(Rational.One, state.EpsilonSpent);
        Assert.Equal(Rational.Zero, state.EpsilonRemaining);
        Assert.Equal(10, state.Charges);
        Assert.Equal(Day1, state.PeriodStart);
        Assert.Equal(Day1.AddDays(1), state.PeriodEnd);
        Assert.True(state.Exhausted);
    }

    [Fact]
    public void TryCharge_ExceedingBudget_RefusedAndNothingSpent()
    {
        var accountant = new PrivacyAccountant(Options, _time);
        Assert.True(accountant.TryCharge("orders", PrivacyCharge.ForEpsilon(new Rational(3, 4)), Day1, out _));
        Assert.False(accountant.TryCharge("orders", PrivacyCharge.ForEpsilon(new Rational(1, 2)), Day1.AddHours(1), out var state));
        Assert.Equal(new Rational(3, 4), state.EpsilonSpent);
        Assert.Equal(1, state.Charges);
        Assert.True(state.Exhausted);
    }

    [Fact]
    public void TryCharge_AfterRefusal_StreamStopsUntilRollover()
    {
        // DESIGN §3: once the budget is spent the stream stops releasing until the period rolls over,
        // even if a smaller charge would still fit.
        var accountant = new PrivacyAccountant(Options, _time);
        Assert.False(accountant.TryCharge("orders", PrivacyCharge.ForEpsilon(2), Day1, out _));
        Assert.False(accountant.TryCharge("orders", PrivacyCharge.ForEpsilon(new Rational(1, 100)), Day1.AddHours(1), out var state));
        Assert.Equal(Rational.Zero, state.EpsilonSpent);
        Assert.True(state.Exhausted);

        _time.Advance(TimeSpan.FromDays(1));
        Assert.True(accountant.TryCharge("orders", PrivacyCharge.ForEpsilon(new Rational(1, 100)), Day1.AddDays(1), out state));
        Assert.False(state.Exhausted);
        Assert.Equal(Day1.AddDays(1), state.PeriodStart);
    }

    [Fact]
    public void TryCharge_StreamsAndLedgers_AreIndependent()
    {
        var accountant = new PrivacyAccountant(Options, _time);
        Assert.True(accountant.TryCharge("orders", PrivacyCharge.ForEpsilon(1), Day1, out _));
        Assert.True(accountant.TryCharge("payments", PrivacyCharge.ForEpsilon(1), Day1, out _));
        Assert.True(accountant.TryCharge("clicks", PrivacyCharge.ForRho(new Rational(1, 2)), Day1, out var clicks));
        Assert.Equal(Rational.Zero, clicks.EpsilonSpent);
        Assert.Equal(new Rational(1, 2), clicks.RhoSpent);
    }

    [Fact]
    public void TryCharge_CombinedCharge_RefusedWhenEitherLedgerWouldOverflow()
    {
        var accountant = new PrivacyAccountant(Options, _time);
        var charge = new PrivacyCharge(new Rational(1, 10), new Rational(3, 5));
        Assert.False(accountant.TryCharge("orders", charge, Day1, out var state));
        Assert.Equal(Rational.Zero, state.EpsilonSpent);
        Assert.Equal(Rational.Zero, state.RhoSpent);
    }

    [Fact]
    public void TryCharge_EpsilonAsZcdp_ChargesEpsilonSquaredOverTwoToRhoLedger()
    {
        var accountant = new PrivacyAccountant(Options with { ChargeEpsilonAsZcdp = true }, _time);
        Assert.True(accountant.TryCharge("orders", PrivacyCharge.ForEpsilon(new Rational(1, 2)), Day1, out var state));
        Assert.Equal(Rational.Zero, state.EpsilonSpent);
        Assert.Equal(new Rational(1, 8), state.RhoSpent);
        Assert.True(accountant.TryCharge("orders", PrivacyCharge.ForRho(new Rational(3, 8)), Day1, out state));
        Assert.Equal(new Rational(1, 2), state.RhoSpent);
        Assert.False(accountant.TryCharge("orders", PrivacyCharge.ForEpsilon(new Rational(1, 100)), Day1, out _));
    }

    [Fact]
    public void Get_NearExhaustedFraction_FlagsAtThreshold()
    {
        var accountant = new PrivacyAccountant(Options, _time);
        accountant.TryCharge("orders", PrivacyCharge.ForEpsilon(new Rational(79, 100)), Day1, out var state);
        Assert.False(state.NearExhausted);
        accountant.TryCharge("orders", PrivacyCharge.ForEpsilon(new Rational(1, 100)), Day1, out state);
        Assert.True(state.NearExhausted);
        Assert.False(state.Exhausted);
        Assert.Equal(0.8, state.SpentFraction, 12);
    }

    [Fact]
    public void Get_UnknownStream_FreshBudget()
    {
        var state = new PrivacyAccountant(Options, _time).Get("nobody", Day1.AddHours(3));
        Assert.Equal(Rational.One, state.EpsilonRemaining);
        Assert.Equal(new Rational(1, 2), state.RhoRemaining);
        Assert.Equal(0, state.Charges);
        Assert.False(state.Exhausted);
        Assert.Equal(Day1, state.PeriodStart);
    }

    [Fact]
    public void Get_NoTime_UsesTimeProviderPeriod()
    {
        var accountant = new PrivacyAccountant(Options, _time);
        accountant.TryCharge("orders", PrivacyCharge.ForEpsilon(new Rational(1, 2)), Day1.AddHours(8), out _);
        Assert.Equal(new Rational(1, 2), accountant.Get("orders").EpsilonSpent);
        _time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(Rational.Zero, accountant.Get("orders").EpsilonSpent);
    }

    [Fact]
    public void PeriodOf_ConfiguredOrigin_AlignsToOriginNotMidnight()
    {
        var accountant = new PrivacyAccountant(Options with
        {
            Period = TimeSpan.FromHours(6),
            PeriodOrigin = new DateTimeOffset(2026, 1, 1, 2, 0, 0, TimeSpan.Zero),
        }, _time);

        var (start, end) = accountant.PeriodOf(new DateTimeOffset(2026, 3, 10, 1, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 20, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 2, 0, 0, TimeSpan.Zero), end);
    }

    [Fact]
    public void PeriodOf_NonUtcOffset_AlignsToUtcMidnight()
    {
        var accountant = new PrivacyAccountant(Options, _time);
        var (start, _) = accountant.PeriodOf(new DateTimeOffset(2026, 3, 10, 1, 0, 0, TimeSpan.FromHours(2)));
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(TimeSpan.Zero, start.Offset);
    }

    [Fact]
    public void TryCharge_WindowInPeriodNoLongerRetained_Refused()
    {
        // Ledgers of old periods are dropped after RetainedPeriods; a late window for such a period
        // cannot be accounted any more and is refused (refusing is the safe direction).
        var accountant = new PrivacyAccountant(Options, _time);
        _time.Advance(TimeSpan.FromDays(3));
        Assert.False(accountant.TryCharge("orders", PrivacyCharge.ForEpsilon(new Rational(1, 10)), Day1, out var state));
        Assert.True(state.PeriodClosed);
        Assert.True(accountant.TryCharge("orders", PrivacyCharge.ForEpsilon(new Rational(1, 10)), Day1.AddDays(2), out _));
    }

    [Fact]
    public void ExportImport_RoundTrip_RestoresSpendAndStop()
    {
        var accountant = new PrivacyAccountant(Options, _time);
        accountant.TryCharge("orders", new PrivacyCharge(new Rational(1, 3), new Rational(1, 7)), Day1, out _);
        accountant.TryCharge("payments", PrivacyCharge.ForEpsilon(5), Day1, out _);
        var records = accountant.Export();

        var restored = new PrivacyAccountant(Options, _time);
        restored.Import(records);
        var orders = restored.Get("orders", Day1);
        Assert.Equal(new Rational(1, 3), orders.EpsilonSpent);
        Assert.Equal(new Rational(1, 7), orders.RhoSpent);
        Assert.True(restored.Get("payments", Day1).Exhausted);
        Assert.Equal(records, restored.Export());
    }

    [Fact]
    public void Export_JsonRoundTrip_IsExact()
    {
        var accountant = new PrivacyAccountant(Options, _time);
        accountant.TryCharge("orders", new PrivacyCharge(Rational.FromDouble(0.1), new Rational(1, 3)), Day1, out _);
        var json = System.Text.Json.JsonSerializer.Serialize(accountant.Export());
        var records = System.Text.Json.JsonSerializer.Deserialize<List<BudgetLedgerRecord>>(json)!;

        var restored = new PrivacyAccountant(Options, _time);
        restored.Import(records);
        Assert.Equal(Rational.FromDouble(0.1), restored.Get("orders", Day1).EpsilonSpent);
        Assert.Equal(new Rational(1, 3), restored.Get("orders", Day1).RhoSpent);
    }

    [Fact]
    public void Import_OlderRecord_NeverLowersSpend()
    {
        var accountant = new PrivacyAccountant(Options, _time);
        accountant.TryCharge("orders", PrivacyCharge.ForEpsilon(new Rational(1, 2)), Day1, out _);
        accountant.Import([new BudgetLedgerRecord("orders", Day1, "1/10", "0", 1, false)]);
        Assert.Equal(new Rational(1, 2), accountant.Get("orders", Day1).EpsilonSpent);
    }

    [Fact]
    public void BudgetState_RhoSpent_ReportsApproximateDpEpsilon()
    {
        var accountant = new PrivacyAccountant(Options with { Delta = 1e-6 }, _time);
        accountant.TryCharge("orders", PrivacyCharge.ForRho(new Rational(1, 2)), Day1, out var state);
        Assert.Equal(5.756521769756932, state.RhoAsEpsilon, 12);
    }

    [Fact]
    public void TryCharge_ParallelCharges_NeverExceedBudget()
    {
        var accountant = new PrivacyAccountant(Options, _time);
        var accepted = 0;
        Parallel.For(0, 1_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            if (accountant.TryCharge("orders", PrivacyCharge.ForEpsilon(new Rational(1, 300)), Day1.AddSeconds(i), out _))
            {
                Interlocked.Increment(ref accepted);
            }
        });

        Assert.Equal(300, accepted);
        Assert.Equal(Rational.One, accountant.Get("orders", Day1).EpsilonSpent);
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PrivacyAccountant(Options with { Period = TimeSpan.Zero }, _time));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PrivacyAccountant(Options with { EpsilonPerPeriod = -Rational.One }, _time));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PrivacyAccountant(Options with { NearExhaustedFraction = new Rational(3, 2) }, _time));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PrivacyAccountant(Options with { Delta = 0 }, _time));
    }
}
