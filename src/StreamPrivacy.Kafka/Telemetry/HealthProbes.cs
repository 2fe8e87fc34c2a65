using System.Net;

namespace StreamPrivacy.Kafka.Telemetry;

/// <summary>
/// Orchestrator probes: <c>GET /healthz</c> (liveness) and <c>GET /readyz</c> (readiness), 200 or
/// 503 with a one-line plain-text reason that names stages only; anything else is 404.
/// </summary>
internal static class HealthProbes
{
    /// <summary>Answers one request from <paramref name="health"/>.</summary>
    public static Task RespondAsync(HttpListenerContext context, PipelineHealth health)
    {
        var (status, body) = (context.Request.HttpMethod, context.Request.Url?.AbsolutePath) switch
        {
            ("GET" or "HEAD", "/healthz") => Status(health.Liveness()),
            ("GET" or "HEAD", "/readyz") => Status(health.Readiness()),
            _ => (404, "not found"),
        };
        HttpEndpoint.TryRespond(context, status, body);
        return Task.CompletedTask;
    }

    private static (int Status, string Body) Status((bool Ok, string Detail) check) => (check.Ok ? 200 : 503, check.Detail);
}
