using StreamPrivacy.Core.Redaction.Detection;
using Xunit.Abstractions;

namespace StreamPrivacy.Core.Tests.Redaction.Quality;

/// <summary>Quality gate for the built-in detectors on the labelled corpus (see <see cref="QualityCorpus"/>).</summary>
public sealed class DetectorQualityTests(ITestOutputHelper output)
{
    private const double RecallTarget = 0.99;
    private const double SurvivalTarget = 0.97;

    [Fact]
    public void Corpus_Size_MeetsMinimums()
    {
        var corpus = QualityCorpus.Build();
        foreach (var type in EntityTypes.BuiltIn)
        {
            int count = corpus.Sum(s => s.Entities.Count(e => e.EntityType == type));
            Assert.True(count >= 300, $"{type}: only {count} labelled entities");
        }

        Assert.True(corpus.Count(s => s.IsLookAlike) >= 1000, "fewer than 1000 look-alike sentences");
    }

    [Fact]
    public void Corpus_IsDeterministic()
    {
        var first = QualityCorpus.Build();
        var second = QualityCorpus.Build();
        Assert.Equal(first.Select(s => s.Text), second.Select(s => s.Text));
    }

    [Fact]
    public void BuiltInDetectors_OnLabelledCorpus_MeetRecallAndLookAlikeTargets()
    {
        var report = QualityReport.Score(PiiDetectors.CreateDefault(), QualityCorpus.Build());
        output.WriteLine(report.Render());

        var failures = report.Types
            .Where(t => t.Value.RecallSameType < RecallTarget)
            .Select(t => $"{t.Key}: recall {t.Value.RecallSameType:0.0000} < {RecallTarget}")
            .ToList();
        if (report.LookAlikeSurvival < SurvivalTarget)
        {
            failures.Add($"look-alike survival {report.LookAlikeSurvival:0.0000} < {SurvivalTarget}");
        }

        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }
}
