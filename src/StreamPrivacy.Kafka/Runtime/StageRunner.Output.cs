using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace StreamPrivacy.Kafka.Runtime;

/// <summary>The output half of the runner: producing, delivery reports, flushing and partition counts.</summary>
public sealed partial class StageRunner
{
    private void FlushOutputs(TimeSpan timeout)
    {
        var producer = _producer ?? throw new InvalidOperationException("the stage is not running");
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (producer.Flush(TimeSpan.FromMilliseconds(100)) > 0)
        {
            ThrowIfDeliveryFailed();
            if (_abortRequired)
            {
                // The transaction is lost anyway: the loop aborts it and re-processes its input.
                return;
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                if (_exactlyOnce)
                {
                    _logger.LogWarning("{Stage}: outputs not acknowledged within {Timeout}; aborting the transaction", _processor.Name, timeout);
                    _abortRequired = true;
                    return;
                }

                throw new StageFailedException($"{_processor.Name}: outputs not acknowledged within {timeout}; offsets left uncommitted");
            }
        }

        ThrowIfDeliveryFailed();
    }

    private int PartitionCount(string topic)
    {
        lock (_partitionCounts)
        {
            return PartitionCountLocked(topic);
        }
    }

    private int PartitionCountLocked(string topic)
    {
        if (_partitionCounts.TryGetValue(topic, out var cached) && Stopwatch.GetElapsedTime(cached.Ticks) < MetadataMaxAge)
        {
            return cached.Count;
        }

        var admin = _admin ?? throw new InvalidOperationException("the stage is not running");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(10));
                var described = metadata.Topics.FirstOrDefault(t => t.Topic == topic);
                if (described is { Error.IsError: false, Partitions.Count: > 0 })
                {
                    _partitionCounts[topic] = (described.Partitions.Count, Stopwatch.GetTimestamp());
                    return described.Partitions.Count;
                }
            }
            catch (KafkaException ex) when (attempt < 5)
            {
                _logger.LogWarning("{Stage}: metadata for {Topic} failed with {Code}", _processor.Name, topic, ex.Error.Code);
            }

            if (attempt >= 5)
            {
                throw new StageFailedException($"{_processor.Name}: no partitions known for topic '{topic}'");
            }

            Thread.Sleep(200);
        }
    }

    private void ProduceTo(string topic, int partition, byte[]? key, byte[] value)
    {
        var producer = _producer ?? throw new InvalidOperationException("the stage is not running");
        var message = new Message<byte[]?, byte[]> { Key = key, Value = value };
        try
        {
            producer.ProduceWithBackpressure(new TopicPartition(topic, partition), message, _onDelivered, _throwIfDeliveryFailed);
        }
        catch (ProduceException<byte[]?, byte[]> ex) when (IsFailedTransaction(ex.Error))
        {
            _abortRequired = true;
            return;
        }

        Interlocked.Increment(ref _uncommittedOutputs);
    }

    private void ThrowIfDeliveryFailed()
    {
        if (_deliveryError is { } error)
        {
            throw new StageFailedException($"{_processor.Name}: delivery failed with {error.Code}; offsets after the last commit left uncommitted");
        }
    }

    private void Produce(string topic, byte[]? key, byte[] value, Headers? headers)
    {
        var producer = _producer ?? throw new InvalidOperationException("the stage is not running");
        var message = new Message<byte[]?, byte[]> { Key = key, Value = value, Headers = headers };
        try
        {
            producer.ProduceWithBackpressure(topic, message, _onDelivered, _throwIfDeliveryFailed);
        }
        catch (ProduceException<byte[]?, byte[]> ex) when (IsFailedTransaction(ex.Error))
        {
            _abortRequired = true;
            return;
        }

        Interlocked.Increment(ref _uncommittedOutputs);
    }

    // Exactly-once: librdkafka refuses to produce (Local_State) once the transaction has failed; the
    // record would be aborted with it anyway, so the processor goes on and the loop aborts and rewinds.
    private bool IsFailedTransaction(Error error) => _exactlyOnce && error.Code == ErrorCode.Local_State && !error.IsFatal;

    private PartitionWorkers? CreateWorkers()
    {
        if (Workers <= 1)
        {
            return null;
        }

        var processors = new List<IRecordProcessor>(Workers) { _processor };
        while (processors.Count < Workers)
        {
            processors.Add(_createProcessor!());
        }

        _logger.LogInformation("{Stage}: processing on {Workers} worker threads", _processor.Name, processors.Count);
        return new PartitionWorkers(processors, _output, Counters, _options.WorkerQueueCapacity);
    }

    private void OnDelivered(DeliveryReport<byte[]?, byte[]> report)
    {
        if (!report.Error.IsError)
        {
            Counters.OnProduced(report.Topic);
            return;
        }

        if (!_exactlyOnce || report.Error.IsFatal)
        {
            _deliveryError ??= report.Error;
            return;
        }

        // Exactly-once: a failed delivery only fails the transaction (abort, rewind, redo). Purged
        // messages (Local_PurgeQueue/PurgeInflight) are the other records of a transaction that is
        // being aborted, by us or by librdkafka after the error that failed it; not failures of their own.
        if (!_aborting && report.Error.Code is not (ErrorCode.Local_PurgeQueue or ErrorCode.Local_PurgeInflight))
        {
            _abortRequired = true;
        }
    }

    private sealed class Output(StageRunner runner) : IStageOutput
    {
        public void Produce(string topic, byte[]? key, byte[] value, Headers? headers = null) => runner.Produce(topic, key, value, headers);

        public void Produce(string topic, int partition, byte[]? key, byte[] value) => runner.ProduceTo(topic, partition, key, value);

        public int PartitionCount(string topic) => runner.PartitionCount(topic);

        public void Flush() => runner.FlushOutputs(runner._options.ShutdownTimeout);
    }
}
