using System.Diagnostics;
using System.Net;
using StreamPrivacy.Kafka.Configuration;
using StreamPrivacy.Kafka.Telemetry;

namespace StreamPrivacy.Kafka.Tests.Telemetry;

public sealed class TelemetryHostTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(20) };

    [Fact]
    public async Task Metrics_AfterCounterIncrement_ScrapeShowsTheMetric()
    {
        var port = FreePort.Next();
        using var host = TelemetryHost.Start(new TelemetryOptions { HealthPort = null, PrometheusPort = port });
        Assert.Equal(port, host.PrometheusPort);
        Assert.Null(host.HealthPort);
        var stage = "scrape-test-" + Guid.NewGuid().ToString("N")[..8];
        StreamPrivacyTelemetry.Commits.Add(3, new KeyValuePair<string, object?>("stage", stage));

        using var response = await Http.GetAsync(new Uri($"http://127.0.0.1:{port}/metrics"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/plain", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Contains($"streamprivacy_offsets_commits_total{{otel_scope_name=\"StreamPrivacy\",otel_scope_version=", body, StringComparison.Ordinal);
        Assert.Contains($"stage=\"{stage}\"}} 3", body, StringComparison.Ordinal);
        Assert.Contains("service_name=\"streamprivacy\"", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync(new Uri($"http://127.0.0.1:{port}/other"))).StatusCode);
    }

    [Fact]
    public async Task Probes_FollowTheStagesThroughStartReadyShutdownAndFailure()
    {
        var port = FreePort.Next();
        using var host = TelemetryHost.Start(new TelemetryOptions { HealthPort = port, PrometheusPort = null });
        Assert.Null(host.PrometheusPort);
        var sanitize = new FakeStage("sanitize");
        var profile = new FakeStage("profile");

        // Starting: alive, not ready (no stages yet).
        Assert.Equal((200, 503), await ProbeAsync(port));

        host.Attach([sanitize, profile]);
        sanitize.IsRunning = profile.IsRunning = true;
        sanitize.HasAssignment = true;
        Assert.Equal((200, 503), await ProbeAsync(port));
        Assert.Contains("profile", await BodyAsync(port, "/readyz"), StringComparison.Ordinal);

        profile.HasAssignment = true;
        Assert.Equal((200, 200), await ProbeAsync(port));

        // Shutdown: not ready any more, still alive while it flushes.
        host.MarkStopping();
        Assert.Equal((200, 503), await ProbeAsync(port));

        // A failed stage: not alive.
        profile.Failed = true;
        Assert.Equal((503, 503), await ProbeAsync(port));
        Assert.Equal("failed: profile\n", await BodyAsync(port, "/healthz"));
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync(new Uri($"http://127.0.0.1:{port}/metrics"))).StatusCode);
    }

    [Fact]
    public void Start_PortInUse_ThrowsNamingTheSetting()
    {
        var port = FreePort.Next();
        using var first = TelemetryHost.Start(new TelemetryOptions { HealthPort = port, PrometheusPort = null });
        var ex = Assert.Throws<TelemetryStartException>(() => TelemetryHost.Start(new TelemetryOptions { HealthPort = null, PrometheusPort = port }));
        Assert.Contains("telemetry.prometheus_port " + port, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_NothingEnabled_StartsNoEndpoint()
    {
        using var host = TelemetryHost.Start(new TelemetryOptions { HealthPort = 0, PrometheusPort = 0 });
        Assert.Null(host.HealthPort);
        Assert.Null(host.PrometheusPort);
        Assert.False(host.OtlpEnabled);
    }

    [Theory]
    [InlineData(TelemetryOptions.Grpc)]
    [InlineData(TelemetryOptions.HttpProtobuf)]
    public void Start_OtlpWithoutCollector_BuildsExportsAndStopsWithoutThrowing(string protocol)
    {
        // Port 1 on loopback: nothing listens, so every export fails fast; no network is needed.
        var clock = Stopwatch.StartNew();
        var host = TelemetryHost.Start(new TelemetryOptions { HealthPort = null, PrometheusPort = null, OtlpEndpoint = "http://127.0.0.1:1", OtlpProtocol = protocol });
        Assert.True(host.OtlpEnabled);
        StreamPrivacyTelemetry.Commits.Add(1, new KeyValuePair<string, object?>("stage", "otlp-test"));
        using (StreamPrivacyTelemetry.ActivitySource.StartActivity("otlp-test"))
        {
        }

        host.Dispose();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "stopping took " + clock.Elapsed);
    }

    private static async Task<(int Health, int Ready)> ProbeAsync(int port)
    {
        using var health = await Http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"));
        using var ready = await Http.GetAsync(new Uri($"http://127.0.0.1:{port}/readyz"));
        return ((int)health.StatusCode, (int)ready.StatusCode);
    }

    private static Task<string> BodyAsync(int port, string path) => GetBodyAsync(new Uri($"http://127.0.0.1:{port}{path}"));

    private static async Task<string> GetBodyAsync(Uri uri)
    {
        using var response = await Http.GetAsync(uri);
        return await response.Content.ReadAsStringAsync();
    }
}
