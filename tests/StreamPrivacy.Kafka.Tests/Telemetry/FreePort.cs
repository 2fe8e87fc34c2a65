using System.Net;
using System.Net.Sockets;

namespace StreamPrivacy.Kafka.Tests.Telemetry;

/// <summary>Picks a port nobody listens on (the OS's choice for port 0; a small race is accepted in tests).</summary>
internal static class FreePort
{
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
