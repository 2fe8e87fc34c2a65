using Confluent.Kafka;

namespace StreamPrivacy.Kafka.Hosting;

/// <summary>What <see cref="TransactionProbe"/> found: the verdict, the last error code and a reason for the log.</summary>
internal readonly record struct TransactionProbeResult(TransactionSupport Support, ErrorCode Code, string Reason)
{
    /// <summary>Transactions work.</summary>
    public static TransactionProbeResult Supported { get; } = new(TransactionSupport.Supported, ErrorCode.NoError, "transactions available");

    /// <summary>
    /// True when <c>processing.guarantee: auto</c> may run at-least-once instead: the broker refused
    /// transactions (unsupported, not authorised) or the coordinator stayed unavailable for the whole
    /// budget. Other errors (e.g. an invalid <c>transaction.timeout.ms</c>) are configuration mistakes
    /// that a silent fallback would hide.
    /// </summary>
    public bool AllowsFallback => Support is TransactionSupport.Refused or TransactionSupport.Unavailable;
}
