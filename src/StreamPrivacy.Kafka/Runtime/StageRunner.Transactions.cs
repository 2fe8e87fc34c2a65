using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace StreamPrivacy.Kafka.Runtime;

/// <summary>The exactly-once half of the runner: the transactional producer, commits, aborts and rewinds.</summary>
public sealed partial class StageRunner
{
    // Exactly-once needs a transactional producer. Whether the broker offers transactions was decided
    // before this runner was built (Pipeline probes once); here a refusal stops the stage.
    private IProducer<byte[]?, byte[]> CreateProducer()
    {
        var producer = new ProducerBuilder<byte[]?, byte[]>(KafkaClientConfigs.Producer(_options))
            .SetErrorHandler((_, e) => LogClientError("producer", e))
            .SetLogHandler((_, m) => LogClientMessage(m))
            .Build();
        if (!_exactlyOnce)
        {
            return producer;
        }

        try
        {
            Transactional("InitTransactions", () => producer.InitTransactions(InitTransactionsAttempt));
            producer.BeginTransaction();
            _logger.LogInformation("{Stage}: exactly-once (transactional id {Id})", _processor.Name, _options.TransactionalId);
            return producer;
        }
        catch (KafkaException ex)
        {
            producer.Dispose();
            throw new StageFailedException($"{_processor.Name}: the broker did not accept transactions ({ex.Error.Code}); exactly-once is not possible", ex);
        }
    }

    // Outputs of the start-up hooks do not wait for an input record: acknowledge (or commit) them now.
    private void CommitHookOutputs()
    {
        if (!_exactlyOnce)
        {
            FlushOutputs(_options.ShutdownTimeout);
            Interlocked.Exchange(ref _uncommittedOutputs, 0);
            _options.Hooks?.OnCommitted();
            return;
        }

        // Before the first record there is nothing to rewind: on failure the stage stops and a
        // restart writes the start-up records again.
        if (_abortRequired)
        {
            throw new StageFailedException($"{_processor.Name}: the stage's start-up records could not be delivered");
        }

        try
        {
            Transactional("CommitTransaction", _producer!.CommitTransaction);
        }
        catch (KafkaException ex)
        {
            throw new StageFailedException($"{_processor.Name}: could not commit the stage's start-up records ({ex.Error.Code})", ex);
        }

        Committed();
    }

    private void Remember(List<TopicPartitionOffset> offsets)
    {
        foreach (var o in offsets)
        {
            _committed[o.TopicPartition] = o.Offset;
        }
    }

    // Outputs and input offsets commit atomically; a new transaction starts at once. Retriable errors
    // repeat the same call (librdkafka refuses an abort while a commit is in progress); an abortable
    // error aborts and rewinds; anything else (fenced, unauthorized, retries spent) stops the stage.
    private void CommitTransaction(IConsumer<byte[]?, byte[]?> consumer, List<TopicPartitionOffset> offsets, Func<IReadOnlyList<TopicPartition>> rewind)
    {
        var producer = _producer!;
        try
        {
            if (offsets.Count > 0)
            {
                var group = consumer.ConsumerGroupMetadata;
                Transactional("SendOffsetsToTransaction", () => producer.SendOffsetsToTransaction(offsets, group, _options.ShutdownTimeout));
            }

            // No timeout: it blocks at most the remaining transaction time (Confluent's advice; a
            // shorter one desynchronises librdkafka's state from the protocol requests).
            Transactional("CommitTransaction", producer.CommitTransaction);
        }
        catch (KafkaTxnRequiresAbortException ex)
        {
            AbortAndRewind(consumer, rewind(), $"commit refused with {ex.Error.Code}");
            return;
        }
        catch (KafkaException ex)
        {
            throw new StageFailedException($"{_processor.Name}: transaction commit failed with {ex.Error.Code}{(ex.Error.IsFatal ? " (fatal)" : string.Empty)}; offsets after the last commit left uncommitted", ex);
        }

        Counters.OnCommitted();
        Remember(offsets);
        Committed();
    }

    // After a commit: the transaction's outputs are durable; start the next one.
    private void Committed()
    {
        Interlocked.Exchange(ref _uncommittedOutputs, 0);
        _options.Hooks?.OnCommitted();
        BeginTransaction();
    }

    private void BeginTransaction()
    {
        try
        {
            _producer!.BeginTransaction();
        }
        catch (KafkaException ex)
        {
            throw new StageFailedException($"{_processor.Name}: could not begin a transaction ({ex.Error.Code})", ex);
        }
    }

    // Exactly-once recovery: abort the open transaction (its outputs never become visible), let the
    // hooks and the stateful processor drop what they derived from it, seek `rewind` (the partitions
    // still owned) back to their committed offsets and rebuild stateful processors from there.
    private void AbortAndRewind(IConsumer<byte[]?, byte[]?> consumer, IReadOnlyList<TopicPartition> rewind, string reason)
    {
        _logger.LogWarning("{Stage}: aborting the transaction ({Reason}); re-processing {Count} partitions from their last commit", _processor.Name, reason, rewind.Count);

        // No produce may run concurrently with the abort; whatever the workers still finish goes
        // into the doomed transaction and is re-processed like the rest.
        DrainWorkers();
        Abort();
        Counters.OnAborted();
        _options.Hooks?.OnAborted();
        _stateful?.OnAborted();

        // Every offset noted since the last commit belongs to the aborted transaction.
        _processed.Clear();
        _dispatched.Clear();
        _sinceCommit = 0;
        if (rewind.Count > 0)
        {
            foreach (var c in CommittedOffsets(consumer, rewind))
            {
                try
                {
                    consumer.Seek(new TopicPartitionOffset(c.TopicPartition, c.Offset.Value >= 0 ? c.Offset : Offset.Beginning));
                }
                catch (KafkaException ex) when (ex.Error.Code == ErrorCode.Local_State)
                {
                    // The partition's fetcher has not started yet (e.g. under read_committed while a
                    // previous owner's transactional offsets are pending): it will start from the
                    // committed offset anyway, so there is nothing to rewind.
                    _logger.LogDebug("{Stage}: no seek needed for {Partition} (not fetching yet)", _processor.Name, c.TopicPartition);
                }
            }

            if (_stateful is not null)
            {
                _stateful.OnRevoked(rewind);
                _stateful.OnAssigned(rewind);
            }
        }

        _lastCommitTicks = Stopwatch.GetTimestamp();
        BeginTransaction();
    }

    // The committed offsets to rewind to. The abort has already happened, so a slow answer (pending
    // transactional offsets of a previous owner) is waited for again rather than failing the stage.
    private List<TopicPartitionOffset> CommittedOffsets(IConsumer<byte[]?, byte[]?> consumer, IReadOnlyList<TopicPartition> partitions)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return consumer.Committed(partitions, _options.ShutdownTimeout);
            }
            catch (KafkaException ex) when (!ex.Error.IsFatal && ex.Error.Code is ErrorCode.Local_TimedOut or ErrorCode.RequestTimedOut && attempt < 3)
            {
                _logger.LogWarning("{Stage}: reading committed offsets to rewind to timed out ({Code}); retrying", _processor.Name, ex.Error.Code);
            }
        }
    }

    private void Abort()
    {
        var producer = _producer!;
        _aborting = true;
        try
        {
            Transactional("AbortTransaction", producer.AbortTransaction);

            // The purged messages' delivery reports are served while `_aborting` is set, so an error
            // report of the aborted transaction cannot doom the next one.
            producer.Flush(AbortFlushTimeout);
        }
        catch (KafkaException ex)
        {
            throw new StageFailedException($"{_processor.Name}: could not abort the transaction ({ex.Error.Code}); offsets after the last commit left uncommitted", ex);
        }
        finally
        {
            _aborting = false;
        }

        _abortRequired = false;
        Interlocked.Exchange(ref _uncommittedOutputs, 0);
    }

    // After a failure: abort the open transaction at once (one attempt), so downstream read_committed
    // consumers are not held back until the broker times it out.
    private void AbortQuietly()
    {
        if (!_exactlyOnce || _producer is not { } producer)
        {
            return;
        }

        _aborting = true;
        try
        {
            producer.AbortTransaction();
            Counters.OnAborted();
            _logger.LogInformation("{Stage}: open transaction aborted after the failure", _processor.Name);
        }
        catch (KafkaException ex)
        {
            _logger.LogWarning("{Stage}: could not abort the open transaction after the failure ({Code}); the broker aborts it after transaction.timeout.ms", _processor.Name, ex.Error.Code);
        }
        finally
        {
            _aborting = false;
        }
    }

    private void Transactional(string operation, Action call) =>
        TransactionalRetry.Run(call, _options.TransactionRetryTimeout, (code, attempt) =>
            _logger.LogWarning("{Stage}: {Operation} failed with {Code} (retriable, attempt {Attempt}); retrying", _processor.Name, operation, code, attempt));
}
