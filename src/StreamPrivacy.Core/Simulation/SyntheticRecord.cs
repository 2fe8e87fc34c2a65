using StreamPrivacy.Core.Events;

namespace StreamPrivacy.Core.Simulation;

/// <summary>One generated raw record: its kind (which raw topic), key and UTF-8 JSON payload.</summary>
/// <param name="Kind">Inference or feature event.</param>
/// <param name="Key">The subject id used as the Kafka key, or null.</param>
/// <param name="Payload">The record value.</param>
/// <param name="IsMalformed">True when the record was generated to be rejected.</param>
public sealed record SyntheticRecord(EventKind Kind, string? Key, byte[] Payload, bool IsMalformed);
