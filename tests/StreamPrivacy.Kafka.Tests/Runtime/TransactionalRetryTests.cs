using Confluent.Kafka;
using StreamPrivacy.Kafka.Runtime;

namespace StreamPrivacy.Kafka.Tests.Runtime;

/// <summary>Which transactional errors repeat the same call, and which reach the runner at once.</summary>
public sealed class TransactionalRetryTests
{
    [Fact]
    public void Run_RetriableErrorsThenSuccess_RepeatsTheSameCall()
    {
        var calls = 0;
        var retries = new List<(ErrorCode, int)>();
        TransactionalRetry.Run(
            () =>
            {
                if (++calls < 3)
                {
                    throw new KafkaRetriableException(new Error(ErrorCode.Local_TimedOut));
                }
            },
            TimeSpan.FromSeconds(30),
            (code, attempt) => retries.Add((code, attempt)));

        Assert.Equal(3, calls);
        Assert.Equal([(ErrorCode.Local_TimedOut, 1), (ErrorCode.Local_TimedOut, 2)], retries);
    }

    [Fact]
    public void Run_TxnRequiresAbort_PropagatesWithoutRetrying()
    {
        var calls = 0;
        Assert.Throws<KafkaTxnRequiresAbortException>(() => TransactionalRetry.Run(
            () =>
            {
                calls++;
                throw new KafkaTxnRequiresAbortException(new Error(ErrorCode.InvalidRecord));
            },
            TimeSpan.FromSeconds(30),
            (_, _) => { }));
        Assert.Equal(1, calls);
    }

    [Fact]
    public void Run_FatalOrUnclassifiedError_PropagatesWithoutRetrying()
    {
        var calls = 0;
        var ex = Assert.Throws<KafkaException>(() => TransactionalRetry.Run(
            () =>
            {
                calls++;
                throw new KafkaException(new Error(ErrorCode.Local_Fenced, "fenced", isFatal: true));
            },
            TimeSpan.FromSeconds(30),
            (_, _) => { }));
        Assert.Equal(1, calls);
        Assert.True(ex.Error.IsFatal);
    }

    [Fact]
    public void Run_RetriableErrorBeyondTheBudget_ThrowsTheLastError()
    {
        var calls = 0;
        Assert.Throws<KafkaRetriableException>(() => TransactionalRetry.Run(
            () =>
            {
                calls++;
                throw new KafkaRetriableException(new Error(ErrorCode.GroupCoordinatorNotAvailable));
            },
            TimeSpan.FromSeconds(3),
            (_, _) => { }));

        // Attempts every 0.5 s (backoff) until the next one would start after the budget: about 5.
        Assert.InRange(calls, 2, 6);
    }
}
