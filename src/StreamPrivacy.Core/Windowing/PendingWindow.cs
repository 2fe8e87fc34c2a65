using StreamPrivacy.Core.Drift;

namespace StreamPrivacy.Core.Windowing;

/// <summary>Partials of one stream and window merged so far, waiting for every source partition to close it.</summary>
internal sealed class PendingWindow
{
    private readonly HashSet<(string Topic, int Partition)> _sources = [];
    private readonly Dictionary<string, long[]> _counts = new(StringComparer.Ordinal);

    /// <summary>Starts with <paramref name="first"/>, read at partials offset <paramref name="offset"/>.</summary>
    public PendingWindow(PartialWindow first, long offset)
    {
        Stream = first.Stream;
        Window = first.Window;
        ReferenceHash = first.ReferenceHash;
        FirstOffset = offset;
        Merge(first);
    }

    /// <summary>A window of <paramref name="stream"/> without any partial: released with zero counts.</summary>
    public PendingWindow(StreamId stream, Window window, string referenceHash)
    {
        Stream = stream;
        Window = window;
        ReferenceHash = referenceHash;
        FirstOffset = long.MaxValue;
    }

    /// <summary>The stream.</summary>
    public StreamId Stream { get; }

    /// <summary>The window.</summary>
    public Window Window { get; }

    /// <summary>Reference profile hash all merged partials share.</summary>
    public string ReferenceHash { get; }

    /// <summary>Offset of the first partial merged (the release stage must not commit past it).</summary>
    public long FirstOffset { get; }

    /// <summary>Events merged.</summary>
    public long Events { get; private set; }

    /// <summary>Merged counts per feature.</summary>
    public IReadOnlyDictionary<string, long[]> Counts => _counts;

    /// <summary>Source partitions merged.</summary>
    public int SourceCount => _sources.Count;

    /// <summary>
    /// Merges <paramref name="partial"/> unless its source partition was merged already (a replayed
    /// partial: first wins) or its bins do not match; returns what happened.
    /// </summary>
    public PartialMergeResult Merge(PartialWindow partial)
    {
        if (!string.Equals(partial.ReferenceHash, ReferenceHash, StringComparison.Ordinal))
        {
            return PartialMergeResult.ReferenceMismatch;
        }

        if (_counts.Count > 0
            && (partial.Counts.Count != _counts.Count
                || partial.Counts.Any(kv => !_counts.TryGetValue(kv.Key, out var existing) || existing.Length != kv.Value.Length)))
        {
            return PartialMergeResult.ReferenceMismatch;
        }

        if (!_sources.Add((partial.SourceTopic, partial.SourcePartition)))
        {
            return PartialMergeResult.Duplicate;
        }

        foreach (var (name, counts) in partial.Counts)
        {
            if (!_counts.TryGetValue(name, out var merged))
            {
                merged = new long[counts.Length];
                _counts[name] = merged;
            }

            for (var i = 0; i < counts.Length; i++)
            {
                merged[i] = checked(merged[i] + counts[i]);
            }
        }

        Events += partial.Events;
        return PartialMergeResult.Merged;
    }
}
