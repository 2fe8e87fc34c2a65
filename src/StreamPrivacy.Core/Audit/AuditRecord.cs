namespace StreamPrivacy.Core.Audit;

/// <summary>One ledger record as read from the topic, input to <see cref="AuditVerifier"/>.</summary>
/// <param name="Position">Partition and offset.</param>
/// <param name="Key">Record key (UTF-8), if any.</param>
/// <param name="Value">Record value.</param>
public sealed record AuditRecord(AuditPosition Position, string? Key, ReadOnlyMemory<byte> Value);
