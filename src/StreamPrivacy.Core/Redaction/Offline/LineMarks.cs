namespace StreamPrivacy.Core.Redaction.Offline;

/// <summary>Flat record of each written line's end offset and count entries, for exact partial reports on a stop.</summary>
internal sealed class LineMarks
{
    private readonly List<(int End, int FirstEntry, long FieldsRemoved)> _lines = new(256);
    private readonly List<(string Key, long Count, bool IsEntity)> _entries = new(1024);

    public void Add(int end, RedactionCounts line)
    {
        _lines.Add((end, _entries.Count, line.FieldsRemoved));
        foreach (var (key, count) in line.ByEntity)
        {
            _entries.Add((key, count, true));
        }

        foreach (var (key, count) in line.ByField)
        {
            _entries.Add((key, count, false));
        }
    }

    public void Clear()
    {
        _lines.Clear();
        _entries.Clear();
    }

    public RedactionCounts CountsUpTo(int end)
    {
        var counts = new RedactionCounts();
        for (var i = 0; i < _lines.Count && _lines[i].End <= end; i++)
        {
            var last = i + 1 < _lines.Count ? _lines[i + 1].FirstEntry : _entries.Count;
            for (var e = _lines[i].FirstEntry; e < last; e++)
            {
                var (key, count, isEntity) = _entries[e];
                var target = isEntity ? counts.ByEntity : counts.ByField;
                target[key] = target.GetValueOrDefault(key) + count;
            }

            counts.FieldsRemoved += _lines[i].FieldsRemoved;
        }

        return counts;
    }
}
