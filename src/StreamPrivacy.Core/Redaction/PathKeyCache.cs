using StreamPrivacy.Core.Redaction.Paths;

namespace StreamPrivacy.Core.Redaction;

/// <summary>
/// Memoises rendered field paths and their <c>path|entity</c> count keys: the same few paths recur in
/// every event, so counting a detection should not allocate strings. Bounded; per thread.
/// </summary>
internal sealed class PathKeyCache
{
    private const int MaxEntries = 256;
    private readonly List<Entry> _entries = new(32);

    /// <summary>The count key <c>{rendered path}|{entityType}</c> for <paramref name="path"/>.</summary>
    public string Key(ReadOnlySpan<PathElement> path, string entityType)
    {
        foreach (var entry in _entries)
        {
            if (path.SequenceEqual(entry.Path))
            {
                if (!entry.Keys.TryGetValue(entityType, out var key))
                {
                    key = entry.Rendered + "|" + entityType;
                    entry.Keys[entityType] = key;
                }

                return key;
            }
        }

        var rendered = PathElement.Render(path);
        if (_entries.Count < MaxEntries)
        {
            var created = new Entry(path.ToArray(), rendered);
            created.Keys[entityType] = rendered + "|" + entityType;
            _entries.Add(created);
            return created.Keys[entityType];
        }

        return rendered + "|" + entityType;
    }

    private sealed class Entry(PathElement[] path, string rendered)
    {
        public PathElement[] Path { get; } = path;

        public string Rendered { get; } = rendered;

        public Dictionary<string, string> Keys { get; } = new(StringComparer.Ordinal);
    }
}
