using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using StreamPrivacy.Kafka.Configuration;

namespace StreamPrivacy.Kafka.Telemetry;

/// <summary>
/// The process's telemetry endpoints, built from <see cref="TelemetryOptions"/>: the OpenTelemetry
/// SDK subscribed to <see cref="StreamPrivacyTelemetry"/> with a Prometheus scrape endpoint
/// (<c>GET /metrics</c>) and, when configured, OTLP push of metrics and traces; and the health
/// probes (<c>GET /healthz</c>, <c>GET /readyz</c>) fed by the attached stages.
/// </summary>
/// <remarks>No endpoint carries record values: metrics are tagged by stage, topic, partition, reason and stream key only.</remarks>
public sealed class TelemetryHost : IDisposable
{
    /// <summary>How often metrics are pushed over OTLP.</summary>
    public static readonly TimeSpan OtlpExportInterval = TimeSpan.FromSeconds(15);

    private readonly PipelineHealth _health = new();
    private MeterProvider? _meters;
    private TracerProvider? _tracer;
    private HttpEndpoint? _healthEndpoint;
    private HttpEndpoint? _metricsEndpoint;
    private MetricsForwarder? _forwarder;

    private TelemetryHost(TelemetryOptions options)
    {
        Options = options;
    }

    /// <summary>The options this host was started with.</summary>
    public TelemetryOptions Options { get; }

    /// <summary>Port of the health probes, or null when disabled.</summary>
    public int? HealthPort => _healthEndpoint is null ? null : Options.EffectiveHealthPort;

    /// <summary>Port of the Prometheus endpoint, or null when disabled.</summary>
    public int? PrometheusPort => _metricsEndpoint is null ? null : Options.EffectivePrometheusPort;

    /// <summary>True when metrics and traces are pushed over OTLP.</summary>
    public bool OtlpEnabled => Options.OtlpUri is not null;

    /// <summary>Starts every endpoint <paramref name="options"/> enables.</summary>
    /// <exception cref="TelemetryStartException">A port is in use or cannot be bound.</exception>
    public static TelemetryHost Start(TelemetryOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        logger ??= NullLogger.Instance;
        var host = new TelemetryHost(options);
        try
        {
            host.StartEndpoints(logger);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>Reports on <paramref name="stages"/> in the health probes (readiness needs all of them consuming).</summary>
    public void Attach(IReadOnlyList<IStageHealth> stages) => _health.Attach(stages);

    /// <summary>Shutdown has begun: <c>/readyz</c> answers 503 from now on, <c>/healthz</c> stays as it is.</summary>
    public void MarkStopping() => _health.MarkStopping();

    /// <summary>Stops the endpoints; a last OTLP export is attempted.</summary>
    public void Dispose()
    {
        _healthEndpoint?.Dispose();
        _healthEndpoint = null;
        _metricsEndpoint?.Dispose();
        _metricsEndpoint = null;
        _forwarder?.Dispose();
        _forwarder = null;
        _tracer?.Dispose();
        _tracer = null;
        _meters?.Dispose();
        _meters = null;
    }

    private void StartEndpoints(ILogger logger)
    {
        var otlp = Options.OtlpUri;
        var prometheus = Options.EffectivePrometheusPort;
        var resource = ResourceBuilder.CreateDefault().AddService(Options.ServiceName, serviceVersion: typeof(TelemetryHost).Assembly.GetName().Version?.ToString());
        if (prometheus is not null || otlp is not null)
        {
            var metrics = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource).AddMeter(StreamPrivacyTelemetry.Name);
            var loopbackPort = prometheus is null ? 0 : FreeLoopbackPort();
            if (prometheus is not null)
            {
                // The exporter answers on loopback only; MetricsForwarder serves it on every interface.
                metrics.AddPrometheusHttpListener(o =>
                {
                    o.Host = "localhost";
                    o.Port = loopbackPort;
                    o.ScrapeEndpointPath = "/metrics";
                });
            }

            if (otlp is not null)
            {
                metrics.AddOtlpExporter((exporter, reader) =>
                {
                    Configure(exporter, "v1/metrics");
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)OtlpExportInterval.TotalMilliseconds;
                });
            }

            try
            {
                _meters = metrics.Build();
            }
            catch (InvalidOperationException ex)
            {
                throw new TelemetryStartException($"telemetry: the Prometheus exporter could not start ({ex.InnerException?.Message ?? ex.Message})", ex);
            }

            if (prometheus is { } scrapePort)
            {
                _forwarder = new MetricsForwarder(loopbackPort);
                _metricsEndpoint = Listen(scrapePort, "telemetry.prometheus_port", _forwarder.RespondAsync);
                logger.LogInformation("Telemetry: Prometheus metrics on port {Port}, path /metrics", scrapePort);
            }
        }

        if (otlp is not null)
        {
            _tracer = Sdk.CreateTracerProviderBuilder()
                .SetResourceBuilder(resource)
                .AddSource(StreamPrivacyTelemetry.Name)
                .AddOtlpExporter(exporter => Configure(exporter, "v1/traces"))
                .Build();
            logger.LogInformation("Telemetry: OTLP export of metrics and traces to {Endpoint} ({Protocol})", $"{otlp.Scheme}://{otlp.Host}:{otlp.Port}", Options.OtlpProtocol); // no user info or query in logs
        }

        if (Options.EffectiveHealthPort is { } healthPort)
        {
            _healthEndpoint = Listen(healthPort, "telemetry.health_port", context => HealthProbes.RespondAsync(context, _health));
            logger.LogInformation("Telemetry: health probes on port {Port} (/healthz, /readyz)", healthPort);
        }
    }

    private void Configure(OtlpExporterOptions exporter, string signalPath)
    {
        var protocol = Options.ParsedOtlpProtocol;
        var endpoint = Options.OtlpUri!;
        exporter.Protocol = protocol;

        // With HTTP, an endpoint set in code is used as is, so the signal path is appended here
        // (the collector's base URL is what users configure, as with OTEL_EXPORTER_OTLP_ENDPOINT).
        exporter.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath)
            : endpoint;
    }

    private static HttpEndpoint Listen(int port, string setting, Func<HttpListenerContext, Task> handle)
    {
        try
        {
            return new HttpEndpoint(port, handle);
        }
        catch (HttpListenerException ex)
        {
            throw new TelemetryStartException($"{setting} {port}: cannot listen ({ex.Message})", ex);
        }
    }

    private static int FreeLoopbackPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
