using StreamPrivacy.Core.Events;
using StreamPrivacy.Core.Leakage;
using StreamPrivacy.Core.Policy;
using StreamPrivacy.Core.Privacy;
using StreamPrivacy.Core.Sanitization;

namespace StreamPrivacy.Core.Tests.Sanitization;

public sealed class TransformWarmupTests
{
    private static readonly EventSanitizer Sanitizer = TestSanitizers.Factory(PolicyLoader.Default)
        .CreateEventSanitizer(new EventValidationOptions { MaxClockSkew = TimeSpan.FromDays(1) }, 32);

    [Fact]
    public void Run_WithinBudget_RunsTheRequestedEvents()
    {
        var canaries = CanarySet.FromCanaries(TestSanitizers.Key(KeyNames.Canary), ["zebra-quartz-7731"]);
        var (events, _) = TransformWarmup.Run(Sanitizer, canaries, 600, TimeSpan.FromMinutes(1));
        Assert.Equal(600, events);
    }

    [Fact]
    public void Run_ZeroEventsOrCancelled_RunsNone()
    {
        Assert.Equal(0, TransformWarmup.Run(Sanitizer, null, 0, TimeSpan.FromMinutes(1)).Events);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Equal(0, TransformWarmup.Run(Sanitizer, null, 1_000, TimeSpan.FromMinutes(1), cancelled.Token).Events);
    }

    [Fact]
    public void Run_BudgetSpent_StopsEarly() =>
        Assert.Equal(0, TransformWarmup.Run(Sanitizer, null, 1_000_000, TimeSpan.Zero).Events);
}
