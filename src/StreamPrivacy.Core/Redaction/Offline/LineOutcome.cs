namespace StreamPrivacy.Core.Redaction.Offline;

/// <summary>What became of one input line: its kind, the batch output offset after it, and a value-free problem text.</summary>
internal readonly record struct LineOutcome(LineKind Kind, int End, string? Problem);
