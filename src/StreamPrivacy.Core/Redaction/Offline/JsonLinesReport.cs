namespace StreamPrivacy.Core.Redaction.Offline;

/// <summary>What an offline redaction run did: counts only, never values.</summary>
public sealed class JsonLinesReport
{
    /// <summary>Input lines read (blank lines included).</summary>
    public long Lines { get; set; }

    /// <summary>Redacted lines written.</summary>
    public long Written { get; set; }

    /// <summary>Blank lines skipped.</summary>
    public long Blank { get; set; }

    /// <summary>Events dropped because their consent lacks a required purpose.</summary>
    public long DroppedNoConsent { get; set; }

    /// <summary>Lines that are not valid JSON (skipped, reported by line number).</summary>
    public long InvalidJson { get; set; }

    /// <summary>Lines withheld because post-redaction verification still found PII.</summary>
    public long Withheld { get; set; }

    /// <summary>Redaction counts by entity type and field.</summary>
    public RedactionCounts Counts { get; } = new();
}
