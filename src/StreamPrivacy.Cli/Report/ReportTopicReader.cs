using StreamPrivacy.Kafka.Configuration;
using StreamPrivacy.Kafka.Runtime;

namespace StreamPrivacy.Cli.Report;

/// <summary>
/// Reads the topics the privacy report is built from, each to the end offsets it has when reading
/// starts: partitions assigned directly from the beginning, no consumer group commits.
/// </summary>
internal static class ReportTopicReader
{
    /// <summary>Reads metrics, ledger, both alert topics and the sanitized topics' counters.</summary>
    /// <exception cref="StageFailedException">A topic could not be read within <paramref name="timeout"/> (per topic).</exception>
    public static ReportData Read(string bootstrapServers, IReadOnlyDictionary<string, string> properties, TopicOptions topics, TimeSpan timeout)
    {
        var options = new StageRunnerOptions
        {
            BootstrapServers = bootstrapServers,
            GroupId = "streamprivacy-report",
            ClientId = "streamprivacy-report",
            CommonProperties = properties,
        };
        var data = new ReportData();
        TopicSnapshotReader.ReadEach(options, topics.Metrics, timeout, (_, value) => ReportRecordParser.AddMetric(data, topics.Metrics, value));
        TopicSnapshotReader.ReadEach(options, topics.Ledger, timeout, (_, value) => ReportRecordParser.AddLedger(data, topics.Ledger, value));
        TopicSnapshotReader.ReadEach(options, topics.DriftAlerts, timeout, (_, value) => ReportRecordParser.AddAlert(data, topics.DriftAlerts, value));
        TopicSnapshotReader.ReadEach(options, topics.LeakageAlerts, timeout, (_, value) => ReportRecordParser.AddAlert(data, topics.LeakageAlerts, value));
        TopicSnapshotReader.ReadEach(options, topics.InferenceSanitized, timeout, (_, value) => ReportRecordParser.AddSanitized(data, topics.InferenceSanitized, value, featureEvents: false));
        TopicSnapshotReader.ReadEach(options, topics.FeaturesSanitized, timeout, (_, value) => ReportRecordParser.AddSanitized(data, topics.FeaturesSanitized, value, featureEvents: true));
        return data;
    }

    /// <summary>Reads the topics, builds the report and writes it atomically (temporary file, then rename).</summary>
    public static ReportData Write(string bootstrapServers, IReadOnlyDictionary<string, string> properties, StreamPrivacyOptions options, string path, TimeSpan timeout, string source)
    {
        var data = Read(bootstrapServers, properties, options.Topics, timeout);
        var settings = new ReportSettings
        {
            PsiThreshold = options.Drift.PsiThreshold,
            EpsilonPerPeriod = (double)options.Drift.EpsilonPerPeriod,
            RhoPerPeriod = (double)options.Drift.RhoPerPeriod,
            BudgetPeriod = options.Drift.BudgetPeriod,
            GeneratedAt = DateTimeOffset.UtcNow,
            Source = source,
        };
        var full = Path.GetFullPath(path);
        var temp = full + ".tmp-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllText(temp, PrivacyReportHtml.Build(data, settings), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temp, full, overwrite: true);
        return data;
    }
}
