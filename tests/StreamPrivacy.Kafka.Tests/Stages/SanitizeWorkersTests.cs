using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace StreamPrivacy.Kafka.Tests.Stages;

/// <summary>The sanitize stage with <c>processing.workers: 4</c>: per-partition order and exactly one output per record.</summary>
public sealed class SanitizeWorkersTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private const int Subjects = 24;

    // event_id "subject:sequence": each subject's events carry increasing sequence numbers.
    private static byte[] Event(int subject, int sequence) =>
        Encoding.UTF8.GetBytes($$$"""
            {"event_id":"{{{subject}}}:{{{sequence}}}","event_time":"{{{DateTimeOffset.UtcNow:O}}}","model":{"name":"credit-risk","version":"3.2.0"},
             "subject_id":"subject-{{{subject}}}","consent":["monitoring"],"features":{"age":{{{20 + (sequence % 50)}}},"country":"DE"},
             "prediction":{"label":"approve","score":0.5},"text":{"prompt":"call me at +49 30 1234567"}}
            """);

    private static IEnumerable<(string? Key, byte[] Value)> Stream(int from, int to) =>
        Enumerable.Range(from, to - from).Select(i => ((string?)$"subject-{i % Subjects}", Event(i % Subjects, i / Subjects)));

    [Fact]
    public async Task Run_FourWorkers_ProcessesEveryRecordOnceInPartitionOrder()
    {
        using var h = new PipelineHarness(partitions: 6);
        h.Options.Processing.Workers = 4;
        const int total = 2400;
        h.Produce(h.Topics.InferenceRaw, Stream(0, total));

        var pipeline = h.CreatePipeline();
        Assert.Equal(4, pipeline.Stages[0].Workers);
        var s = pipeline.Sanitize;
        await PipelineHarness.RunUntilAsync(pipeline, () => s.Consumed >= total && pipeline.Sanitized >= total, Timeout);

        Assert.Equal(total, s.Consumed);
        Assert.Equal(0, s.Rejected);
        var outputs = h.ReadAll(h.Topics.InferenceSanitized, total, Timeout);
        var ids = outputs.Select(r => EventId(r.Message.Value!)).ToList();
        Assert.Equal(total, ids.Count);
        Assert.Equal(total, ids.Distinct().Count());

        // A subject's events share an input partition (keyed by subject) and an output key (its pseudonym):
        // read back per partition, they must come in the order they were produced.
        foreach (var subject in ids.GroupBy(id => id.Subject))
        {
            Assert.Equal(Enumerable.Range(0, total / Subjects), subject.Select(id => id.Sequence));
        }

        Assert.All(outputs.GroupBy(r => Encoding.UTF8.GetString(r.Message.Key!)), key => Assert.Single(key.Select(r => EventId(r.Message.Value!).Subject).Distinct()));
    }

    [Fact]
    public async Task Restart_AfterGracefulStopMidStream_FourWorkers_NeitherLosesNorDuplicates()
    {
        using var h = new PipelineHarness(partitions: 6);
        h.Options.Processing.Workers = 4;
        h.Produce(h.Topics.InferenceRaw, Stream(0, 3000));

        // Stop while the workers still hold queued records: the stop drains them before the last commit.
        var first = h.CreatePipeline("a");
        await PipelineHarness.RunUntilAsync(first, () => first.Sanitize.Consumed >= 300, Timeout);
        var firstCount = first.Sanitize.Consumed;
        Assert.Equal(firstCount, first.Sanitized);

        h.Produce(h.Topics.InferenceRaw, Stream(3000, 3600));
        var second = h.CreatePipeline("b");
        await PipelineHarness.RunUntilAsync(second, () => firstCount + second.Sanitize.Consumed >= 3600 && second.Sanitized == second.Sanitize.Consumed, Timeout);

        Assert.Equal(3600, firstCount + second.Sanitize.Consumed);
        var ids = h.ReadAll(h.Topics.InferenceSanitized, 3600, Timeout).Select(r => EventId(r.Message.Value!)).ToList();
        Assert.Equal(3600, ids.Count);
        Assert.Equal(3600, ids.Distinct().Count());
        foreach (var subject in ids.GroupBy(id => id.Subject))
        {
            Assert.Equal(Enumerable.Range(0, 3600 / Subjects), subject.Select(id => id.Sequence));
        }
    }

    private static (int Subject, int Sequence) EventId(byte[] value)
    {
        var id = JsonNode.Parse(value)!["event_id"]!.GetValue<string>().Split(':');
        return (int.Parse(id[0], CultureInfo.InvariantCulture), int.Parse(id[1], CultureInfo.InvariantCulture));
    }
}
