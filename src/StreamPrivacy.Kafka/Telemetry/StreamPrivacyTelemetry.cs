using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace StreamPrivacy.Kafka.Telemetry;

/// <summary>
/// The one holder of the pipeline's <see cref="ActivitySource"/> and <see cref="Meter"/>. Telemetry
/// describes the pipeline (throughput, errors, lag), never the data: no tag carries a value from a
/// record. Stream keys (model/version/feature set) appear as tags: they are configuration, not data.
/// </summary>
public static class StreamPrivacyTelemetry
{
    // Live sources of the observable gauges; registered by running stages and pipelines.
    private static readonly MeasurementSources<long> LagSources = new();
    private static readonly MeasurementSources<int> StageUpSources = new();
    private static readonly MeasurementSources<double> EpsilonSpentSources = new();
    private static readonly MeasurementSources<double> EpsilonRemainingSources = new();
    private static readonly MeasurementSources<double> RhoSpentSources = new();
    private static readonly MeasurementSources<double> RhoRemainingSources = new();

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

    /// <summary>Transactions aborted (exactly-once), tagged by stage: their outputs were discarded and their input is re-processed.</summary>
    public static Counter<long> TransactionsAborted { get; } = Meter.CreateCounter<long>("streamprivacy.transactions.aborted", "{transaction}", "Transactions aborted and re-processed (exactly-once)");

    /// <summary>
    /// Records written to the dead-letter topic (metadata and encrypted payload), tagged by stage and
    /// reason. Unlike <see cref="RecordsRejected"/> it excludes rejections that are not dead-lettered
    /// (the release stage's malformed partials and ledger records) and includes withheld records.
    /// </summary>
    public static Counter<long> DeadLetters { get; } = Meter.CreateCounter<long>("streamprivacy.records.dead_lettered", "{record}", "Records written to the dead-letter topic");

    /// <summary>Windows newly released with DP noise (replays of recorded releases excluded), tagged by stage and stream.</summary>
    public static Counter<long> WindowsReleased { get; } = Meter.CreateCounter<long>("streamprivacy.windows.released", "{window}", "Windows released (charged, noised, recorded in the ledger)");

    /// <summary>
    /// End-to-end age of a record when a stage has processed it: now minus the record's Kafka
    /// timestamp (producer create time or broker log-append time), in ms, tagged by stage. Includes
    /// time spent waiting in the topic, so it grows with consumer lag.
    /// </summary>
    public static Histogram<double> RecordLatency { get; } = Meter.CreateHistogram(
        "streamprivacy.record.latency",
        "ms",
        "Time from a consumed record's Kafka timestamp until the stage processed it",
        tags: null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000, 300_000] });

    /// <summary>Time a stage spent processing one record (transform and hand-off to the producer), in ms, tagged by stage.</summary>
    public static Histogram<double> RecordProcessingDuration { get; } = Meter.CreateHistogram(
        "streamprivacy.record.processing.duration",
        "ms",
        "Time a stage spent processing one record",
        tags: null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 1_000] });

    /// <summary>
    /// Consumer lag per stage, topic and partition: the partition's high watermark minus the stage's
    /// committed offset, from librdkafka statistics (<c>statistics.interval.ms</c>, default 5 s here).
    /// Only partitions assigned to a running stage with a known lag are reported.
    /// </summary>
    public static ObservableGauge<long> ConsumerLag { get; } = Meter.CreateObservableGauge("streamprivacy.consumer.lag", LagSources.Observe, "{record}", "Records behind the high watermark (committed offset), per stage, topic and partition");

    /// <summary>1 while a stage loop runs with its partition assignment, else 0; tagged by stage.</summary>
    public static ObservableGauge<int> StageUp { get; } = Meter.CreateObservableGauge("streamprivacy.stage.up", StageUpSources.Observe, "{stage}", "1 while the stage is consuming with its partition assignment, 0 otherwise");

    /// <summary>Pure ε-DP spent by a stream in its latest budget period, tagged by stream.</summary>
    /// <remarks>ε is a public parameter of the release mechanism, not data.</remarks>
    public static ObservableGauge<double> EpsilonSpent { get; } = Meter.CreateObservableGauge("streamprivacy.privacy.epsilon.spent", EpsilonSpentSources.Observe, "{epsilon}", "Privacy budget (epsilon) spent by a stream in its latest budget period");

    /// <summary>Pure ε-DP left to a stream in its latest budget period (never negative), tagged by stream.</summary>
    public static ObservableGauge<double> EpsilonRemaining { get; } = Meter.CreateObservableGauge("streamprivacy.privacy.epsilon.remaining", EpsilonRemainingSources.Observe, "{epsilon}", "Privacy budget (epsilon) left to a stream in its latest budget period");

    /// <summary>ρ-zCDP spent by a stream in its latest budget period (discrete Gaussian releases), tagged by stream.</summary>
    public static ObservableGauge<double> RhoSpent { get; } = Meter.CreateObservableGauge("streamprivacy.privacy.rho.spent", RhoSpentSources.Observe, "{rho}", "Privacy budget (rho, zCDP) spent by a stream in its latest budget period");

    /// <summary>ρ-zCDP left to a stream in its latest budget period (never negative), tagged by stream.</summary>
    public static ObservableGauge<double> RhoRemaining { get; } = Meter.CreateObservableGauge("streamprivacy.privacy.rho.remaining", RhoRemainingSources.Observe, "{rho}", "Privacy budget (rho, zCDP) left to a stream in its latest budget period");

    /// <summary>Reports a running stage's consumer lag until the handle is disposed.</summary>
    internal static IDisposable ObserveConsumerLag(Func<IEnumerable<Measurement<long>>> lag) => LagSources.Register(lag);

    /// <summary>Reports <paramref name="stages"/> on <see cref="StageUp"/> until the handle is disposed.</summary>
    internal static IDisposable ObserveStages(IReadOnlyList<IStageHealth> stages) =>
        StageUpSources.Register(() => stages.Select(s => new Measurement<int>(s is { IsRunning: true, HasAssignment: true, Failed: false } ? 1 : 0, new KeyValuePair<string, object?>("stage", s.Name))));

    /// <summary>Reports a release stage's budgets on the ε and ρ gauges until the handle is disposed.</summary>
    internal static IDisposable ObserveBudgets(Func<IReadOnlyList<StreamBudget>> budgets) => new Registrations(
    [
        EpsilonSpentSources.Register(() => budgets().Select(b => Measure(b.EpsilonSpent, b))),
        EpsilonRemainingSources.Register(() => budgets().Select(b => Measure(b.EpsilonRemaining, b))),
        RhoSpentSources.Register(() => budgets().Select(b => Measure(b.RhoSpent, b))),
        RhoRemainingSources.Register(() => budgets().Select(b => Measure(b.RhoRemaining, b))),
    ]);

    private static Measurement<double> Measure(double value, StreamBudget budget) => new(value, new KeyValuePair<string, object?>("stream", budget.Stream));

    private sealed class Registrations(IDisposable[] all) : IDisposable
    {
        public void Dispose()
        {
            foreach (var registration in all)
            {
                registration.Dispose();
            }
        }
    }
}
