namespace StreamPrivacy.Core.Redaction;

/// <summary>
/// Counts of what redaction did, by entity type and by field path (paths with array indices collapsed).
/// Never holds values. Not thread-safe: one instance per worker, merged with <see cref="Add"/>.
/// </summary>
public sealed class RedactionCounts
{
    /// <summary>Detections replaced, by entity type (field rules count under <c>FIELD_RULE</c>).</summary>
    public Dictionary<string, long> ByEntity { get; } = new(StringComparer.Ordinal);

    /// <summary>Redactions by field path and entity type, keyed <c>path|entity</c>.</summary>
    public Dictionary<string, long> ByField { get; } = new(StringComparer.Ordinal);

    /// <summary>Fields removed by minimisation or drop rules.</summary>
    public long FieldsRemoved { get; set; }

    /// <summary>Total detections replaced.</summary>
    public long Total => ByEntity.Values.Sum();

    /// <summary>Records one redaction.</summary>
    public void Record(string entityType, string path)
    {
        ByEntity[entityType] = ByEntity.GetValueOrDefault(entityType) + 1;
        var key = path + "|" + entityType;
        ByField[key] = ByField.GetValueOrDefault(key) + 1;
    }

    /// <summary>Records one redaction under a precomputed <c>path|entity</c> key.</summary>
    internal void RecordKeyed(string entityType, string fieldKey)
    {
        ByEntity[entityType] = ByEntity.GetValueOrDefault(entityType) + 1;
        ByField[fieldKey] = ByField.GetValueOrDefault(fieldKey) + 1;
    }

    /// <summary>Adds <paramref name="other"/> into this instance.</summary>
    public void Add(RedactionCounts other)
    {
        foreach (var (k, v) in other.ByEntity)
        {
            ByEntity[k] = ByEntity.GetValueOrDefault(k) + v;
        }

        foreach (var (k, v) in other.ByField)
        {
            ByField[k] = ByField.GetValueOrDefault(k) + v;
        }

        FieldsRemoved += other.FieldsRemoved;
    }

    /// <summary>Clears all counts.</summary>
    public void Clear()
    {
        ByEntity.Clear();
        ByField.Clear();
        FieldsRemoved = 0;
    }
}
