using System.Diagnostics;
using Confluent.Kafka;

namespace StreamPrivacy.Kafka.Runtime;

/// <summary>
/// Retries one transactional producer call on retriable errors, as librdkafka's error-handling example
/// and Confluent's ExactlyOnce example do: <c>InitTransactions</c>, <c>CommitTransaction</c> and
/// <c>AbortTransaction</c> are resumable (a retry continues the operation in the background), and
/// <c>SendOffsetsToTransaction</c> should be retried with identical offsets and group metadata. Calling
/// a different transactional API instead (e.g. aborting after a commit timed out) is refused by
/// librdkafka while the first one is in progress, so the same call is repeated.
/// </summary>
/// <remarks>
/// Only <see cref="KafkaRetriableException"/> is retried. <see cref="KafkaTxnRequiresAbortException"/>
/// (the caller aborts and rewinds) and every other <see cref="KafkaException"/> (fatal, or neither
/// retriable nor abortable, which librdkafka advises to treat as fatal) propagate at once, as does
/// the last retriable error once <c>budget</c> is spent.
/// </remarks>
internal static class TransactionalRetry
{
    /// <summary>Pause between attempts, so a broker that answers at once with a retriable error is not busy-looped.</summary>
    public static readonly TimeSpan Backoff = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Runs <paramref name="call"/>; while it throws a retriable error and less than
    /// <paramref name="budget"/> has passed since the first attempt, reports the error to
    /// <paramref name="onRetry"/> (error code, attempt number from 1) and calls it again.
    /// </summary>
    /// <exception cref="KafkaException">A non-retriable error, or a retriable one after the budget was spent.</exception>
    public static void Run(Action call, TimeSpan budget, Action<ErrorCode, int> onRetry)
    {
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                call();
                return;
            }
            catch (KafkaRetriableException ex) when (!ex.Error.IsFatal && Stopwatch.GetElapsedTime(started) + Backoff < budget)
            {
                onRetry(ex.Error.Code, attempt);
                Thread.Sleep(Backoff);
            }
        }
    }
}
