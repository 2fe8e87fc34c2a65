namespace StreamPrivacy.Core.Lineage;

/// <summary>A dataset in a lineage event: a Kafka topic, with the fields of its schema.</summary>
/// <param name="Namespace">OpenLineage dataset namespace, e.g. <c>kafka://broker-1:9092</c>.</param>
/// <param name="Name">Topic name.</param>
/// <param name="Fields">Top-level schema fields (name, type), for the <c>schema</c> dataset facet; empty for none.</param>
public sealed record LineageDataset(string Namespace, string Name, IReadOnlyList<LineageField> Fields);
