namespace StreamPrivacy.Kafka.Hosting;

/// <summary>Verdict of a <see cref="TransactionProbe"/>.</summary>
internal enum TransactionSupport
{
    /// <summary>InitTransactions succeeded.</summary>
    Supported,

    /// <summary>The broker refused: transactions unsupported or the transactional id not authorised.</summary>
    Refused,

    /// <summary>The transaction coordinator stayed unavailable (retriable errors) until the budget was spent.</summary>
    Unavailable,

    /// <summary>Any other error (e.g. <c>transaction.timeout.ms</c> above the broker's maximum).</summary>
    Failed,
}
