using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace StreamPrivacy.Kafka.Hosting;

/// <summary>
/// Asks the broker once whether it offers transactions: one short-lived transactional producer calls
/// <c>InitTransactions</c>, repeating retriable errors (coordinator not available or loading, timeouts:
/// a fresh cluster creates <c>__transaction_state</c> on first use) until the budget is spent.
/// </summary>
internal static class TransactionProbe
{
    private static readonly TimeSpan Attempt = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Backoff = TimeSpan.FromMilliseconds(200);

    /// <summary>Runs the probe with <paramref name="config"/> (a transactional id is required).</summary>
    public static TransactionProbeResult Run(ProducerConfig config, TimeSpan budget, ILogger logger)
    {
        var started = Stopwatch.GetTimestamp();
        using var producer = new ProducerBuilder<Null, Null>(config)
            .SetLogHandler((_, _) => { }) // librdkafka retries are expected here; the outcome is logged once
            .SetErrorHandler((_, _) => { })
            .Build();
        ErrorCode last = ErrorCode.NoError;
        for (var attempt = 1; ; attempt++)
        {
            var left = budget - Stopwatch.GetElapsedTime(started);
            try
            {
                producer.InitTransactions(left < Attempt ? Max(left, TimeSpan.FromMilliseconds(100)) : Attempt);
                return TransactionProbeResult.Supported;
            }
            catch (KafkaException ex) when (ex is KafkaRetriableException && !ex.Error.IsFatal)
            {
                last = ex.Error.Code;
                if (Stopwatch.GetElapsedTime(started) >= budget)
                {
                    return new TransactionProbeResult(TransactionSupport.Unavailable, last,
                        $"the transaction coordinator did not become available within {budget.TotalSeconds:0} s (last error {last}); on a single-broker cluster check transaction.state.log.replication.factor and transaction.state.log.min.isr (both must be 1)");
                }

                logger.LogDebug("Transaction probe: attempt {Attempt} failed with {Code}; retrying", attempt, last);
                Thread.Sleep(Backoff);
            }
            catch (KafkaException ex)
            {
                return new TransactionProbeResult(Classify(ex.Error.Code), ex.Error.Code, Describe(ex.Error.Code));
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TransactionSupport Classify(ErrorCode code) => code switch
    {
        ErrorCode.Local_UnsupportedFeature or ErrorCode.UnsupportedVersion or ErrorCode.UnsupportedForMessageFormat
            or ErrorCode.TransactionalIdAuthorizationFailed or ErrorCode.ClusterAuthorizationFailed
            => TransactionSupport.Refused,
        _ => TransactionSupport.Failed,
    };

    private static string Describe(ErrorCode code) => code switch
    {
        ErrorCode.TransactionalIdAuthorizationFailed or ErrorCode.ClusterAuthorizationFailed
            => $"the broker refused the transactional id ({code}); grant Write/Describe on transactional ids with the group id prefix (and IdempotentWrite on the cluster)",
        ErrorCode.Local_UnsupportedFeature or ErrorCode.UnsupportedVersion or ErrorCode.UnsupportedForMessageFormat
            => $"the broker does not support transactions ({code}; Kafka 2.5 or newer is needed)",
        _ => $"InitTransactions failed with {code}",
    };
}
