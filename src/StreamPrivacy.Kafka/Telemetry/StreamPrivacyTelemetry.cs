using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace StreamPrivacy.Kafka.Telemetry;

/// <summary>
/// The one holder of the pipeline's <see cref="ActivitySource"/> and <see cref="Meter"/>. Telemetry
/// describes the pipeline (throughput, errors, lag), never the data: no tag carries a value from a
/// record.
/// </summary>
public static class StreamPrivacyTelemetry
{
    /// <summary>Name of the activity source and meter (subscribe to it with OpenTelemetry).</summary>
    public const string Name = "StreamPrivacy";

    /// <summary>Traces of stage lifecycle and commits.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, typeof(StreamPrivacyTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>Pipeline metrics.</summary>
    public static Meter Meter { get; } = new(Name, typeof(StreamPrivacyTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>Records consumed, tagged by stage.</summary>
    public static Counter<long> RecordsConsumed { get; } = Meter.CreateCounter<long>("streamprivacy.records.consumed", "{record}", "Records consumed by a stage");

    /// <summary>Records produced, tagged by stage and topic.</summary>
    public static Counter<long> RecordsProduced { get; } = Meter.CreateCounter<long>("streamprivacy.records.produced", "{record}", "Records produced by a stage");

    /// <summary>Records dropped by policy (e.g. missing consent), tagged by stage and reason.</summary>
    public static Counter<long> RecordsDropped { get; } = Meter.CreateCounter<long>("streamprivacy.records.dropped", "{record}", "Records dropped by policy");

    /// <summary>Records rejected as bad input, tagged by stage and reason code; each goes to the dead-letter topic.</summary>
    public static Counter<long> RecordsRejected { get; } = Meter.CreateCounter<long>("streamprivacy.records.rejected", "{record}", "Bad input records dead-lettered");

    /// <summary>Values redacted, tagged by stage and entity type.</summary>
    public static Counter<long> Redactions { get; } = Meter.CreateCounter<long>("streamprivacy.records.redacted", "{value}", "PII values redacted, by entity type");

    /// <summary>Records withheld because post-redaction verification still found PII.</summary>
    public static Counter<long> RecordsWithheld { get; } = Meter.CreateCounter<long>("streamprivacy.records.withheld", "{record}", "Records withheld by post-redaction verification");

    /// <summary>Fields removed by data minimisation.</summary>
    public static Counter<long> FieldsMinimized { get; } = Meter.CreateCounter<long>("streamprivacy.fields.minimized", "{field}", "Fields removed by minimisation");

    /// <summary>Offset commits, tagged by stage.</summary>
    public static Counter<long> Commits { get; } = Meter.CreateCounter<long>("streamprivacy.offsets.commits", "{commit}", "Offset commits after outputs were acknowledged");
}
