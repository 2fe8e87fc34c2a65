using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using StreamPrivacy.Kafka.Configuration;
using StreamPrivacy.Kafka.Embedded;
using StreamPrivacy.Kafka.Hosting;

namespace StreamPrivacy.Kafka.Tests.Stages;

/// <summary>An embedded cluster with the pipeline's topics and helpers to feed and read them.</summary>
internal sealed class PipelineHarness : IDisposable
{
    private readonly string _keyDirectory = Directory.CreateTempSubdirectory("sp-keys-").FullName;

    public PipelineHarness(int partitions = 3)
    {
        Cluster = EmbeddedKafkaCluster.Start(3);
        Options = new StreamPrivacyOptions();
        Options.Processing.CommitInterval = TimeSpan.FromMilliseconds(200);

        // The warm-up path runs in every pipeline test, kept short: the suite shares 2 cores.
        Options.Processing.WarmupEvents = 500;
        Options.Keys.Files["pseudonym"] = WriteKey("pseudonym.key", 1);
        Options.Keys.Files["deadletter"] = WriteKey("dlq.key", 2);
        Options.Keys.KeyIds["deadletter"] = "dlq-test";
        TopicProvisioner.Provision(Cluster, Options.Topics, partitions);
    }

    public EmbeddedKafkaCluster Cluster { get; }

    /// <summary>
    /// A minute boundary ten minutes ago: event times for drift tests, recent enough that the privacy
    /// accountant still retains their budget period, and in the past so the sanitize stage accepts them.
    /// </summary>
    public static DateTimeOffset RecentMinute() =>
        new(DateTimeOffset.UtcNow.AddMinutes(-10).UtcTicks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero);

    /// <summary>
    /// Turns on the drift stages for model <c>m</c> with <paramref name="referencePath"/> as its reference,
    /// a noise key, one-minute windows, no out-of-orderness and test-sized idle and marker intervals.
    /// </summary>
    public void EnableDrift(string referencePath)
    {
        Options.Keys.Files["noise"] = WriteKey("noise.key", 3);
        Options.Drift.References["m"] = referencePath;
        Options.Drift.Window = TimeSpan.FromMinutes(1);
        Options.Drift.OutOfOrderness = TimeSpan.Zero;
        Options.Drift.IdleTimeout = TimeSpan.FromSeconds(1);
        Options.Drift.MarkerInterval = TimeSpan.FromMilliseconds(200);
    }

    public StreamPrivacyOptions Options { get; }

    public TopicOptions Topics => Options.Topics;

    public Pipeline CreatePipeline(string instance = "test") =>
        Pipeline.Create(Options, Cluster.BootstrapServers, Loggers, TimeProvider.System, instance);

    // STREAMPRIVACY_TEST_LOGS=1 shows the stages' logs on stderr when debugging a test.
    private static Microsoft.Extensions.Logging.ILoggerFactory Loggers { get; } =
        Environment.GetEnvironmentVariable("STREAMPRIVACY_TEST_LOGS") == "1"
            ? Microsoft.Extensions.Logging.LoggerFactory.Create(b => Microsoft.Extensions.Logging.ConsoleLoggerExtensions.AddConsole(b, o => o.LogToStandardErrorThreshold = Microsoft.Extensions.Logging.LogLevel.Trace))
            : NullLoggerFactory.Instance;

    public void Produce(string topic, IEnumerable<(string? Key, byte[] Value)> records)
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig { BootstrapServers = Cluster.BootstrapServers, EnableIdempotence = true }).Build();
        foreach (var (key, value) in records)
        {
            producer.Produce(topic, new Message<byte[]?, byte[]> { Key = key is null ? null : Encoding.UTF8.GetBytes(key), Value = value });
        }

        Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
    }

    public List<ConsumeResult<byte[]?, byte[]?>> ReadAll(string topic, int expected, TimeSpan timeout)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = Cluster.BootstrapServers,
            GroupId = "reader-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            EnablePartitionEof = true,
        }).Build();
        consumer.Subscribe(topic);
        var records = new List<ConsumeResult<byte[]?, byte[]?>>();
        var clock = Stopwatch.StartNew();
        var quietSince = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var r = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (r is null || r.IsPartitionEOF)
            {
                // Stop once the expected count is reached and nothing more arrives for a moment (to see duplicates).
                if (records.Count >= expected && quietSince.Elapsed > TimeSpan.FromMilliseconds(700))
                {
                    break;
                }

                continue;
            }

            records.Add(r);
            quietSince.Restart();
        }

        consumer.Close();
        return records;
    }

    public static async Task RunUntilAsync(Pipeline pipeline, Func<bool> done, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource();
        var run = pipeline.RunAsync(cts.Token);
        var clock = Stopwatch.StartNew();
        while (!done() && clock.Elapsed < timeout && !run.IsCompleted)
        {
            await Task.Delay(50);
        }

        await cts.CancelAsync();
        await run;
        Assert.True(done(), $"pipeline did not reach its goal within {timeout}");
    }

    public void Dispose()
    {
        Cluster.Dispose();
        Directory.Delete(_keyDirectory, recursive: true);
    }

    private string WriteKey(string name, byte fill)
    {
        var path = Path.Combine(_keyDirectory, name);
        File.WriteAllBytes(path, Enumerable.Repeat(fill, 32).Select((b, i) => (byte)(b + (i * 7))).ToArray());
        return path;
    }
}
