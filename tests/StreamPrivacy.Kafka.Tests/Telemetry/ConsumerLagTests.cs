using System.Text;
using Confluent.Kafka;
using StreamPrivacy.Kafka.Runtime;
using StreamPrivacy.Kafka.Tests.Stages;

namespace StreamPrivacy.Kafka.Tests.Telemetry;

public sealed class ConsumerLagTests
{
    private const int Events = 300;

    [Fact]
    public void Parse_LibrdkafkaStatistics_KeepsKnownLagOfRealPartitions()
    {
        const string json = """
            {"name":"c#consumer-1","type":"consumer","topics":{
              "ml.inference.raw":{"topic":"ml.inference.raw","partitions":{
                "0":{"partition":0,"consumer_lag":12,"hi_offset":40},
                "1":{"partition":1,"consumer_lag":-1},
                "-1":{"partition":-1,"consumer_lag":-1}}},
              "ml.features.raw":{"topic":"ml.features.raw","partitions":{"2":{"partition":2,"consumer_lag":0}}}}}
            """;
        var lag = ConsumerLagTracker.Parse(json);
        Assert.Equal([("ml.inference.raw", 0, 12L), ("ml.features.raw", 2, 0L)], lag);
    }

    [Fact]
    public void Update_MalformedJson_KeepsThePreviousSnapshot()
    {
        var tracker = new ConsumerLagTracker("sanitize");
        Assert.True(tracker.Update("""{"topics":{"t":{"partitions":{"0":{"consumer_lag":5}}}}}"""));
        Assert.False(tracker.Update("{not json"));
        var measurement = Assert.Single(tracker.Observe());
        Assert.Equal(5, measurement.Value);
        Assert.Equal(["stage", "topic", "partition"], measurement.Tags.ToArray().Select(t => t.Key).ToArray());
    }

    [Fact]
    public async Task Pipeline_ConsumesEverything_LagGaugeReportsEachPartitionAndReachesZero()
    {
        using var h = new PipelineHarness();
        var topic = Setup(h);

        using var capture = new MetricCapture("streamprivacy.consumer.lag");
        var pipeline = h.CreatePipeline();
        var sanitize = pipeline.Stages[0];
        await PipelineHarness.RunUntilAsync(
            pipeline,
            () =>
            {
                capture.Observe();
                var lag = sanitize.ConsumerLag.Where(p => p.Topic == topic).ToList();
                return pipeline.Sanitize.Consumed >= Events && lag.Count == 3 && lag.All(p => p.Lag == 0);
            },
            TimeSpan.FromSeconds(60));

        var ours = capture.Measurements.Where(m => Equals(m.Tags["topic"], topic)).ToList();
        Assert.All(ours, m => Assert.Equal("sanitize", m.Tags["stage"]));
        Assert.Equal([0, 1, 2], ours.Select(m => (int)m.Tags["partition"]!).Distinct().Order().ToArray());
        Assert.All(ours, m => Assert.InRange(m.Value, 0, Events));
        Assert.Contains(ours, m => m.Value == 0);
    }

    [Fact]
    public async Task Pipeline_BeforeItsFirstCommit_LagGaugeShowsEveryRecordBehindTheCommittedOffsets()
    {
        using var h = new PipelineHarness();
        var topic = Setup(h);

        // The group has committed offset 0 everywhere and will not commit again for a minute, so the
        // lag stays at the whole backlog (high watermark - 0) however fast the records are processed.
        h.Options.Processing.CommitInterval = TimeSpan.FromMinutes(1);
        using (var committer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = h.Cluster.BootstrapServers, GroupId = h.Options.Processing.GroupIdPrefix + "-sanitize" }).Build())
        {
            committer.Commit(Enumerable.Range(0, 3).Select(p => new TopicPartitionOffset(topic, p, 0)));
        }

        using var capture = new MetricCapture("streamprivacy.consumer.lag");
        var pipeline = h.CreatePipeline();
        await PipelineHarness.RunUntilAsync(
            pipeline,
            () =>
            {
                capture.Observe();
                return capture.Measurements.Where(m => Equals(m.Tags["topic"], topic)).DistinctBy(m => m.Tags["partition"]).Sum(m => m.Value) == Events;
            },
            TimeSpan.FromSeconds(60));
    }

    private static string Setup(PipelineHarness h)
    {
        var topic = "lag-test-" + Guid.NewGuid().ToString("N")[..8];
        h.Cluster.CreateTopic(topic, 3);
        h.Options.Topics.InferenceRaw = topic;
        h.Options.Processing.GroupIdPrefix = topic;
        h.Options.Kafka.Consumer["statistics.interval.ms"] = "200";
        h.Produce(topic, Enumerable.Range(0, Events).Select(i => ((string?)("s" + i), Encoding.UTF8.GetBytes(
            $$"""{"event_id":"e{{i}}","event_time":"2026-11-20T10:00:00Z","model":{"name":"m","version":"1"},"subject_id":"s{{i}}","consent":["monitoring"]}"""))));
        return topic;
    }
}
