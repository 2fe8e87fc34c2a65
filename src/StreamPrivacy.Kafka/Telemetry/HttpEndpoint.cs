using System.Net;

namespace StreamPrivacy.Kafka.Telemetry;

/// <summary>
/// A minimal HTTP endpoint on every interface of one port (<see cref="HttpListener"/>, no ASP.NET),
/// handing each request to a handler. Used for the health probes and the metrics endpoint.
/// </summary>
internal sealed class HttpEndpoint : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpListenerContext, Task> _handle;
    private readonly Task _loop;

    /// <summary>Starts listening; throws <see cref="HttpListenerException"/> when the port cannot be bound.</summary>
    public HttpEndpoint(int port, Func<HttpListenerContext, Task> handle)
    {
        _handle = handle;
        _listener.Prefixes.Add($"http://*:{port}/");
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener; nothing to report at shutdown.
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            await _handle(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException or HttpRequestException or TaskCanceledException)
        {
            // The client hung up or the target failed; a prober or scraper asks again.
            TryRespond(context, 503, "unavailable");
        }
    }

    /// <summary>Writes a plain-text response and closes it, ignoring a client that has gone.</summary>
    public static void TryRespond(HttpListenerContext context, int status, string body)
    {
        try
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(body + "\n");
            var response = context.Response;
            response.StatusCode = status;
            response.ContentType = "text/plain; charset=utf-8";
            response.Headers["Cache-Control"] = "no-store";
            response.ContentLength64 = bytes.Length;
            if (context.Request.HttpMethod != "HEAD")
            {
                response.OutputStream.Write(bytes);
            }

            response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // Nothing left to tell a client that has gone.
        }
    }
}
