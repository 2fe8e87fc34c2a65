using StreamPrivacy.Kafka.Configuration;
using StreamPrivacy.Kafka.Serdes;

namespace StreamPrivacy.Kafka.Tests.Configuration;

public sealed class OptionsLoaderTests
{
    [Fact]
    public void Parse_EmptyDocument_GivesDefaults()
    {
        var options = OptionsLoader.Parse("", "empty.yaml");
        Assert.Equal("ml.inference.raw", options.Topics.InferenceRaw);
        Assert.True(options.Kafka.UseEmbedded);
        Assert.Null(options.PolicyFile);
    }

    [Fact]
    public void Parse_FullDocument_MapsEverySection()
    {
        const string yaml = """
            kafka:
              bootstrap_servers: broker-1:9093,broker-2:9093
              properties:
                security.protocol: SASL_SSL
                sasl.mechanism: SCRAM-SHA-512
              consumer:
                fetch.max.bytes: "1048576"
              producer:
                compression.type: zstd
            topics:
              inference_raw: prod.inference.raw
              dead_letter: prod.dlq
            processing:
              commit_interval: 250ms
              max_clock_skew: 2m
              output_format: avro
              max_depth: 16
              workers: 3
            keys:
              directory: /etc/streamprivacy/keys
              files:
                contact: /run/secrets/contact.key
              key_ids:
                pseudonym: "2026-11"
            policy_file: /etc/streamprivacy/policy.yaml
            """;
        var options = OptionsLoader.Parse(yaml, "full.yaml");

        Assert.Equal("broker-1:9093,broker-2:9093", options.Kafka.BootstrapServers);
        Assert.Equal("SASL_SSL", options.Kafka.Properties["security.protocol"]);
        Assert.Equal("zstd", options.Kafka.Producer["compression.type"]);
        Assert.Equal("prod.inference.raw", options.Topics.InferenceRaw);
        Assert.Equal("prod.dlq", options.Topics.DeadLetter);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.Processing.CommitInterval);
        Assert.Equal(TimeSpan.FromMinutes(2), options.Processing.MaxClockSkew);
        Assert.Equal(OutputFormat.Avro, options.Processing.OutputFormat);
        Assert.Equal(3, options.Processing.Workers);
        Assert.Equal("/etc/streamprivacy/keys", options.Keys.Directory);
        Assert.Equal("/run/secrets/contact.key", options.Keys.Files["contact"]);
        Assert.Equal("2026-11", options.Keys.KeyIds["pseudonym"]);
        Assert.Equal("/etc/streamprivacy/policy.yaml", options.PolicyFile);
    }

    [Fact]
    public void Parse_Workers_DefaultsToProcessorCountAndIsRangeChecked()
    {
        Assert.Equal(Math.Clamp(Environment.ProcessorCount, 1, 8), OptionsLoader.Parse("", "w.yaml").Processing.Workers);
        var ex = Assert.Throws<OptionsValidationException>(() => OptionsLoader.Parse("processing:\n  workers: 0\n", "w.yaml"));
        Assert.Contains("processing.workers", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WarmupEvents_DefaultsTo20000AndRejectsNegative()
    {
        Assert.Equal(20_000, OptionsLoader.Parse("", "w.yaml").Processing.WarmupEvents);
        Assert.Equal(0, OptionsLoader.Parse("processing:\n  warmup_events: 0\n", "w.yaml").Processing.WarmupEvents);
        var ex = Assert.Throws<OptionsValidationException>(() => OptionsLoader.Parse("processing:\n  warmup_events: -1\n", "w.yaml"));
        Assert.Contains("processing.warmup_events", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownKey_NamesFileAndLine()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => OptionsLoader.Parse("topics:\n  inference_rawx: a\n", "bad.yaml"));
        Assert.StartsWith("bad.yaml:2:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadDuration_NamesFileAndLine()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => OptionsLoader.Parse("processing:\n  commit_interval: soon\n", "d.yaml"));
        Assert.StartsWith("d.yaml:2:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("duration", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateTopicNames_Rejected()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => OptionsLoader.Parse("topics:\n  metrics: same\n  lineage: same\n", "t.yaml"));
        Assert.Contains("'same'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_SaysSo()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => OptionsLoader.Load("/nonexistent/streamprivacy.yaml"));
        Assert.Contains("/nonexistent/streamprivacy.yaml", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("30s", 30_000)]
    [InlineData("5m", 300_000)]
    [InlineData("24h", 86_400_000)]
    [InlineData("00:00:02", 2_000)]
    public void TimeSpan_AcceptedForms_Parse(string text, double ms)
    {
        Assert.True(TimeSpanYamlConverter.TryParse(text, out var value));
        Assert.Equal(ms, value.TotalMilliseconds);
    }
}
