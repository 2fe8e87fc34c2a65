using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using StreamPrivacy.Kafka.Configuration;
using StreamPrivacy.Kafka.Hosting;
using StreamPrivacy.Kafka.Tests.Infrastructure;
using Xunit.Abstractions;

namespace StreamPrivacy.Kafka.Tests.Tiers;

/// <summary>Exactly-once processing: only verifiable on a broker with transactions (tier 3).</summary>
[Collection(KafkaBrokerCollection.Name)]
public sealed class ExactlyOnceTests
{
    private readonly KafkaTestBroker _broker;
    private readonly ITestOutputHelper _output;

    public ExactlyOnceTests(KafkaBrokerFixture fixture, ITestOutputHelper output)
    {
        _broker = fixture.Broker;
        _output = output;
    }

    [Fact]
    public void ExactlyOnce_OnTheEmbeddedCluster_IsRefusedWithAReason()
    {
        var options = new StreamPrivacyOptions();
        options.Processing.Guarantee = "exactly_once";
        var ex = Assert.Throws<OptionsValidationException>(() => Pipeline.ExactlyOnce(options));
        Assert.Contains("transaction", ex.Message, StringComparison.Ordinal);
        options.Processing.Guarantee = "auto";
        Assert.False(Pipeline.ExactlyOnce(options));
        options.Kafka.BootstrapServers = "broker:9092";
        Assert.True(Pipeline.ExactlyOnce(options));
    }

    [SkippableFact]
    public async Task Sanitize_ExactlyOnceWithARestartMidway_EachEventOnceForReadCommitted()
    {
        _output.WriteLine(_broker.SupportsTransactions ? "transactions supported" : "skipping: " + KafkaTestBroker.NoTransactionsReason);
        Skip.IfNot(_broker.SupportsTransactions, KafkaTestBroker.NoTransactionsReason);

        var suffix = Guid.NewGuid().ToString("N")[..8];
        var options = new StreamPrivacyOptions();
        options.Kafka.BootstrapServers = _broker.BootstrapServers;
        options.Processing.Guarantee = "auto"; // the probe must find transactions on a real broker
        options.Processing.GroupIdPrefix = "eos-" + suffix;
        options.Processing.CommitInterval = TimeSpan.FromMilliseconds(200);
        foreach (var property in typeof(TopicOptions).GetProperties().Where(p => p.PropertyType == typeof(string)))
        {
            property.SetValue(options.Topics, property.GetValue(options.Topics) + "-" + suffix);
        }

        foreach (var topic in options.Topics.All)
        {
            await _broker.CreateTopicAsync(topic, 3);
        }

        const int Count = 2_000;
        using (var producer = new ProducerBuilder<string, string>(KafkaTestClients.Producer(_broker.BootstrapServers)).Build())
        {
            for (var i = 0; i < Count; i++)
            {
                var json = $$$"""{"event_id":"e{{{i}}}","event_time":"2026-11-20T10:00:00Z","model":{"name":"m","version":"1"},"subject_id":"s{{{i}}}","consent":["monitoring"],"features":{"x":{{{i}}}}}""";
                producer.Produce(options.Topics.InferenceRaw, new Message<string, string> { Key = "s" + i, Value = json });
            }

            producer.Flush(TimeSpan.FromSeconds(30));
        }

        // First instance stops after part of the input; the second finishes it.
        foreach (var stopAt in new long[] { Count / 3, Count })
        {
            var pipeline = Pipeline.Create(options, _broker.BootstrapServers, NullLoggerFactory.Instance, TimeProvider.System, "eos-" + stopAt);

            // Decided by the transaction probe in Create: false here means auto fell back to at-least-once.
            Assert.All(pipeline.Stages, s => Assert.True(s.IsExactlyOnce, s.Name + " is not exactly-once"));
            using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var run = pipeline.RunAsync(cts.Token);
            while (pipeline.Sanitize.Consumed < stopAt && !cts.IsCancellationRequested && !run.IsCompleted)
            {
                await Task.Delay(50);
            }

            await Task.Delay(500);
            await cts.CancelAsync();
            await run;
            Assert.True(pipeline.Sanitize.Commits > 0, "no transaction committed");
        }

        var config = KafkaTestClients.Consumer(_broker.BootstrapServers, "eos-reader-" + suffix);
        config.IsolationLevel = IsolationLevel.ReadCommitted;
        using var consumer = new ConsumerBuilder<string, string>(config).Build();
        consumer.Subscribe(options.Topics.InferenceSanitized);
        var received = KafkaTestClients.ConsumeUpTo(consumer, Count + 100, TimeSpan.FromSeconds(20));
        consumer.Close();
        var ids = received.Select(r => System.Text.Json.JsonDocument.Parse(Encoding.UTF8.GetBytes(r.Message.Value)).RootElement.GetProperty("event_id").GetString()).ToList();
        Assert.Equal(Count, ids.Count);
        Assert.Equal(Count, ids.Distinct().Count());
    }
}
