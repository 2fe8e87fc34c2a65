namespace StreamPrivacy.Kafka.Reference;

/// <summary>What reading a pinned window saw; counts only, never values.</summary>
/// <param name="Partitions">Partitions of the topic.</param>
/// <param name="Records">Records read up to the end offsets queried at the start.</param>
/// <param name="Matched">Events in the window (model, version and time range), added to the profile.</param>
/// <param name="Unreadable">Records that were neither a JSON object nor a decodable Avro single object.</param>
public readonly record struct PinnedWindowCounts(int Partitions, long Records, long Matched, long Unreadable);
