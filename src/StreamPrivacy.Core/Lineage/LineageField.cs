namespace StreamPrivacy.Core.Lineage;

/// <summary>A schema field of a dataset (<c>SchemaDatasetFacet</c> field).</summary>
/// <param name="Name">Field name.</param>
/// <param name="Type">Type name, e.g. <c>string</c>, <c>record</c>, <c>map</c>.</param>
/// <param name="Description">Documentation of the field, if any.</param>
public sealed record LineageField(string Name, string Type, string? Description);
