using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using StreamPrivacy.Core.Events;
using StreamPrivacy.Core.Simulation;

namespace StreamPrivacy.Core.Tests.Simulation;

public sealed class SyntheticTrafficGeneratorTests
{
    private static List<SyntheticRecord> Generate(SyntheticTrafficOptions options, int count)
    {
        var generator = new SyntheticTrafficGenerator(options, new FakeTimeProvider(TestEvents.Now));
        return [.. Enumerable.Range(0, count).Select(_ => generator.Next())];
    }

    [Fact]
    public void Next_SameSeed_SameTraffic()
    {
        var a = Generate(new SyntheticTrafficOptions { Seed = 7 }, 50);
        var b = Generate(new SyntheticTrafficOptions { Seed = 7 }, 50);
        Assert.Equal(a.Select(r => r.Payload), b.Select(r => r.Payload));
    }

    [Fact]
    public void Next_WellFormedRecords_PassTheValidator()
    {
        var inspector = new RawEventInspector(new EventValidationOptions(), new FakeTimeProvider(TestEvents.Now), ["monitoring"]);
        foreach (var record in Generate(new SyntheticTrafficOptions { MalformedRate = 0 }, 2_000))
        {
            Assert.Null(inspector.Inspect(record.Payload, record.Kind).Error);
        }
    }

    [Fact]
    public void Next_Rates_AreRoughlyAsConfigured()
    {
        var records = Generate(new SyntheticTrafficOptions { MalformedRate = 0.05, FeatureEventRate = 0.2, ConsentRate = 0.9 }, 10_000);
        var malformed = records.Count(r => r.IsMalformed) / 10_000.0;
        var features = records.Count(r => r.Kind == EventKind.Features) / 10_000.0;
        var consented = records.Where(r => !r.IsMalformed)
            .Count(r => JsonNode.Parse(r.Payload)!["consent"]!.AsArray().Any(c => c!.GetValue<string>() == "monitoring"))
            / (double)records.Count(r => !r.IsMalformed);
        Assert.InRange(malformed, 0.04, 0.06);
        Assert.InRange(features, 0.18, 0.22);
        Assert.InRange(consented, 0.88, 0.92);
    }

    [Fact]
    public void Next_InferenceEvents_AreAboutFiveHundredBytes()
    {
        var sizes = Generate(new SyntheticTrafficOptions { MalformedRate = 0 }, 1_000).Where(r => r.Kind == EventKind.Inference).Select(r => r.Payload.Length).ToList();
        Assert.InRange(sizes.Average(), 400, 800);
    }

    [Fact]
    public void Next_WithDrift_ShiftsIncome()
    {
        static double MeanIncome(IEnumerable<SyntheticRecord> rs) => rs.Where(r => !r.IsMalformed)
            .Average(r => JsonNode.Parse(r.Payload)!["features"]!["income"]!.GetValue<double>());
        var records = Generate(new SyntheticTrafficOptions { DriftFromEvent = 2_000, MalformedRate = 0 }, 4_000);
        Assert.True(MeanIncome(records.Take(2_000)) > MeanIncome(records.Skip(2_000)) * 1.2);
    }

    [Fact]
    public void Options_OutOfRange_Throw() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticTrafficOptions { ConsentRate = 1.5 }.Validate());
}
