using System.Net;
using System.Net.Http.Headers;

namespace StreamPrivacy.Kafka.Telemetry;

/// <summary>
/// Serves <c>GET /metrics</c> on every interface by forwarding to the OpenTelemetry Prometheus
/// exporter's own listener on a loopback port.
/// </summary>
/// <remarks>
/// Why: OpenTelemetry.Exporter.Prometheus.HttpListener 1.20.1-beta.1 builds its listener prefix
/// from a host name with <see cref="UriBuilder"/>, which rejects the <c>*</c> wildcard, and the
/// managed <see cref="HttpListener"/> refuses <c>0.0.0.0</c>; so on its own it can only answer on
/// one host name (default <c>localhost</c>), which a Prometheus server scraping the pod IP cannot reach.
/// </remarks>
internal sealed class MetricsForwarder : IDisposable
{
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly Uri _target;

    /// <summary>Forwards to the exporter listening on <c>localhost:<paramref name="loopbackPort"/></c>.</summary>
    public MetricsForwarder(int loopbackPort)
    {
        _target = new Uri($"http://localhost:{loopbackPort}/metrics");
    }

    /// <summary>Answers one request: <c>/metrics</c> from the exporter (status, content type and body as it gave them), else 404.</summary>
    public async Task RespondAsync(HttpListenerContext context)
    {
        if (context.Request.HttpMethod != "GET" || context.Request.Url?.AbsolutePath is not ("/metrics" or "/metrics/"))
        {
            HttpEndpoint.TryRespond(context, 404, "not found");
            return;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, _target);
        if (context.Request.Headers["Accept"] is { } accept)
        {
            // Lets a scraper negotiate OpenMetrics or the plain text format with the exporter.
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var upstream = await _client.SendAsync(request).ConfigureAwait(false);
        var body = await upstream.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        var response = context.Response;
        response.StatusCode = (int)upstream.StatusCode;
        if (upstream.Content.Headers.ContentType is MediaTypeHeaderValue contentType)
        {
            response.ContentType = contentType.ToString();
        }

        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body).ConfigureAwait(false);
        response.Close();
    }

    public void Dispose() => _client.Dispose();
}
