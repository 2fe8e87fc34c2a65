using StreamPrivacy.Core.Redaction;
using StreamPrivacy.Core.Redaction.Detection;

namespace StreamPrivacy.Core.Tests.Redaction;

public sealed class CleanVerdictsTests
{
    [Fact]
    public void Contains_SameTextAndHint_True_OtherwiseFalse()
    {
        var verdicts = new CleanVerdicts();
        verdicts.Add("The application meets the policy thresholds.", FieldHint.None);
        Assert.True(verdicts.Contains("The application meets the policy thresholds.", FieldHint.None));
        Assert.False(verdicts.Contains("The application meets the policy thresholds.", FieldHint.Person));
        Assert.False(verdicts.Contains("The application meets the policy threshold.", FieldHint.None));
    }

    [Fact]
    public void Add_MoreThanCapacity_ForgetsOldestNeverInventsVerdicts()
    {
        var verdicts = new CleanVerdicts();
        for (var i = 0; i < CleanVerdicts.Capacity * 3; i++)
        {
            verdicts.Add($"clean string number {i}", FieldHint.None);
        }

        Assert.True(verdicts.Contains($"clean string number {(CleanVerdicts.Capacity * 3) - 1}", FieldHint.None));
        Assert.False(verdicts.Contains("clean string number 0", FieldHint.None));
        Assert.False(verdicts.Contains("never added", FieldHint.None));
    }

    [Fact]
    public void Contains_OtherThread_DoesNotSeeThisThreadsVerdicts()
    {
        var verdicts = new CleanVerdicts();
        verdicts.Add("thread-local clean text", FieldHint.None);
        var seen = true;
        var other = new Thread(() => seen = verdicts.Contains("thread-local clean text", FieldHint.None));
        other.Start();
        other.Join();
        Assert.False(seen);
    }
}
