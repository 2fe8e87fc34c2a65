using Avro;

namespace StreamPrivacy.Kafka.Serdes;

/// <summary>One field of a <see cref="RecordPlan"/>.</summary>
internal sealed record FieldPlan(string Name, Schema Schema, byte[]? DefaultBytes, bool Nullable);
