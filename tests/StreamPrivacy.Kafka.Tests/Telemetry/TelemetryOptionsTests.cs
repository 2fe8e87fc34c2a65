using OpenTelemetry.Exporter;
using StreamPrivacy.Kafka.Configuration;

namespace StreamPrivacy.Kafka.Tests.Telemetry;

public sealed class TelemetryOptionsTests
{
    [Fact]
    public void Defaults_HealthAndPrometheusOnOtlpOff()
    {
        var options = new TelemetryOptions();
        options.Validate();
        Assert.Equal(8080, options.EffectiveHealthPort);
        Assert.Equal(9464, options.EffectivePrometheusPort);
        Assert.Null(options.OtlpUri);
        Assert.Equal(OtlpExportProtocol.Grpc, options.ParsedOtlpProtocol);
        Assert.Equal("streamprivacy", options.ServiceName);
    }

    [Fact]
    public void Parse_TelemetrySection_MapsEverySnakeCaseKey()
    {
        const string yaml = """
            telemetry:
              health_port: 8081
              prometheus_port: 9465
              otlp_endpoint: http://otel-collector:4318
              otlp_protocol: http_protobuf
              service_name: streamprivacy-prod
            """;
        var telemetry = OptionsLoader.Parse(yaml, "t.yaml").Telemetry;
        Assert.Equal(8081, telemetry.HealthPort);
        Assert.Equal(9465, telemetry.PrometheusPort);
        Assert.Equal(new Uri("http://otel-collector:4318"), telemetry.OtlpUri);
        Assert.Equal(OtlpExportProtocol.HttpProtobuf, telemetry.ParsedOtlpProtocol);
        Assert.Equal("streamprivacy-prod", telemetry.ServiceName);
    }

    [Theory]
    [InlineData("health_port: null", true)]
    [InlineData("health_port: ~", true)]
    [InlineData("health_port: 0", true)]
    [InlineData("prometheus_port: null", false)]
    [InlineData("prometheus_port: 0", false)]
    public void Parse_NullOrZeroPort_DisablesThatEndpoint(string line, bool health)
    {
        var telemetry = OptionsLoader.Parse("telemetry:\n  " + line + "\n", "t.yaml").Telemetry;
        Assert.Null(health ? telemetry.EffectiveHealthPort : telemetry.EffectivePrometheusPort);
        Assert.NotNull(health ? telemetry.EffectivePrometheusPort : telemetry.EffectiveHealthPort);
    }

    [Theory]
    [InlineData("health_port: -1", "telemetry.health_port")]
    [InlineData("prometheus_port: 65536", "telemetry.prometheus_port")]
    [InlineData("health_port: 9000\n  prometheus_port: 9000", "must differ")]
    [InlineData("otlp_protocol: http_json", "telemetry.otlp_protocol")]
    [InlineData("otlp_endpoint: otel-collector:4317", "telemetry.otlp_endpoint")]
    [InlineData("otlp_endpoint: ftp://collector:4317", "telemetry.otlp_endpoint")]
    [InlineData("service_name: ' '", "telemetry.service_name")]
    public void Parse_BadValue_FailsNamingTheSetting(string line, string expected)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => OptionsLoader.Parse("telemetry:\n  " + line + "\n", "t.yaml"));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("t.yaml", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownKey_FailsWithLine()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => OptionsLoader.Parse("telemetry:\n  metrics_port: 1\n", "t.yaml"));
        Assert.Contains("t.yaml:2:", ex.Message, StringComparison.Ordinal);
    }
}
