using OpenTelemetry.Exporter;

namespace StreamPrivacy.Kafka.Configuration;

/// <summary>
/// Telemetry endpoints of <c>streamprivacy run</c> (the <c>telemetry:</c> section): health probes,
/// the Prometheus scrape endpoint and an optional OTLP push to a collector.
/// </summary>
/// <remarks>
/// Telemetry describes the pipeline, never the data: no metric tag, span attribute or probe body
/// carries a value from a record (DESIGN §3).
/// </remarks>
public sealed class TelemetryOptions
{
    /// <summary>The value of <see cref="OtlpProtocol"/> for OTLP over gRPC (collector port 4317).</summary>
    public const string Grpc = "grpc";

    /// <summary>The value of <see cref="OtlpProtocol"/> for OTLP over HTTP with protobuf bodies (collector port 4318).</summary>
    public const string HttpProtobuf = "http_protobuf";

    /// <summary>Port of the health server (<c>GET /healthz</c>, <c>GET /readyz</c>). Default 8080; null or 0 disables it.</summary>
    public int? HealthPort { get; set; } = 8080;

    /// <summary>Port of the Prometheus scrape endpoint (<c>GET /metrics</c>). Default 9464; null or 0 disables it.</summary>
    public int? PrometheusPort { get; set; } = 9464;

    /// <summary>
    /// Base URL of an OpenTelemetry collector (e.g. <c>http://otel-collector:4317</c>); metrics and
    /// traces are pushed there when set. Default null: no OTLP export.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>OTLP transport: <c>grpc</c> (default) or <c>http_protobuf</c>.</summary>
    public string OtlpProtocol { get; set; } = Grpc;

    /// <summary>The <c>service.name</c> resource attribute. Default <c>streamprivacy</c>.</summary>
    public string ServiceName { get; set; } = "streamprivacy";

    /// <summary>The health port, or null when disabled.</summary>
    public int? EffectiveHealthPort => HealthPort is > 0 ? HealthPort : null;

    /// <summary>The Prometheus port, or null when disabled.</summary>
    public int? EffectivePrometheusPort => PrometheusPort is > 0 ? PrometheusPort : null;

    /// <summary>The OTLP transport.</summary>
    /// <exception cref="OptionsValidationException">The protocol name is unknown.</exception>
    public OtlpExportProtocol ParsedOtlpProtocol => OtlpProtocol switch
    {
        Grpc => OtlpExportProtocol.Grpc,
        HttpProtobuf => OtlpExportProtocol.HttpProtobuf,
        _ => throw new OptionsValidationException($"telemetry.otlp_protocol: '{OtlpProtocol}' is not grpc or http_protobuf"),
    };

    /// <summary>The OTLP endpoint as a URI, or null when OTLP export is off.</summary>
    public Uri? OtlpUri => string.IsNullOrWhiteSpace(OtlpEndpoint) ? null : new Uri(OtlpEndpoint, UriKind.Absolute);

    /// <summary>Throws <see cref="OptionsValidationException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        if (HealthPort is < 0 or > 65535 || PrometheusPort is < 0 or > 65535)
        {
            throw new OptionsValidationException("telemetry.health_port and telemetry.prometheus_port must be between 1 and 65535 (0 or null disables)");
        }

        if (EffectiveHealthPort is { } health && health == EffectivePrometheusPort)
        {
            throw new OptionsValidationException($"telemetry.health_port and telemetry.prometheus_port must differ (both {health})");
        }

        _ = ParsedOtlpProtocol;
        if (!string.IsNullOrWhiteSpace(OtlpEndpoint)
            && (!Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host)))
        {
            throw new OptionsValidationException($"telemetry.otlp_endpoint: '{OtlpEndpoint}' is not an absolute http:// or https:// URL");
        }

        if (string.IsNullOrWhiteSpace(ServiceName))
        {
            throw new OptionsValidationException("telemetry.service_name must be set");
        }
    }
}
