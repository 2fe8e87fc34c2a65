namespace StreamPrivacy.Core.Windowing;

/// <summary>A window that has closed for one stream, with its final state.</summary>
/// <remarks>Produced exactly once per (stream, window); the state is no longer touched by the aggregator.</remarks>
internal sealed record ClosedWindow<TState>(string StreamKey, Window Window, TState State);
