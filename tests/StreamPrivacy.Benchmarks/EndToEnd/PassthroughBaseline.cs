using Confluent.Kafka;

namespace StreamPrivacy.Benchmarks.EndToEnd;

/// <summary>
/// The baseline: a raw consume→produce loop written with plain Confluent.Kafka, with the same
/// delivery protocol as the pipeline (idempotent producer, commit after flush) but no processing.
/// </summary>
internal sealed class PassthroughBaseline
{
    private long _consumed;
    private long _acknowledged;

    public long Consumed => Interlocked.Read(ref _consumed);

    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    public Task RunAsync(string bootstrap, IReadOnlyList<string> inputs, string output, CancellationToken ct) =>
        Task.Factory.StartNew(() => Run(bootstrap, inputs, output, ct), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(string bootstrap, IReadOnlyList<string> inputs, string output, CancellationToken ct)
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig
        {
            BootstrapServers = bootstrap, EnableIdempotence = true, LingerMs = 5, BatchNumMessages = 10_000,
        }).Build();
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = "bench-passthrough",
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            PartitionAssignmentStrategy = PartitionAssignmentStrategy.Range,
        }).Build();
        consumer.Subscribe(inputs);
        var pending = new Dictionary<TopicPartition, Offset>();
        var since = 0;
        while (!ct.IsCancellationRequested)
        {
            var record = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (record is not null && !record.IsPartitionEOF)
            {
                Interlocked.Increment(ref _consumed);
                var message = new Message<byte[]?, byte[]?> { Key = record.Message.Key, Value = record.Message.Value };
                while (true)
                {
                    try
                    {
                        producer.Produce(output, message, r =>
                        {
                            if (!r.Error.IsError)
                            {
                                Interlocked.Increment(ref _acknowledged);
                            }
                        });
                        break;
                    }
                    catch (ProduceException<byte[]?, byte[]?> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
                    {
                        producer.Poll(TimeSpan.FromMilliseconds(50));
                    }
                }

                pending[record.TopicPartition] = record.Offset + 1;
                since++;
            }

            if (since >= 10_000 || (record is null && since > 0))
            {
                producer.Flush(TimeSpan.FromSeconds(30));
                consumer.Commit(pending.Select(kv => new TopicPartitionOffset(kv.Key, kv.Value)));
                pending.Clear();
                since = 0;
            }
        }

        producer.Flush(TimeSpan.FromSeconds(30));
        consumer.Close();
    }
}
