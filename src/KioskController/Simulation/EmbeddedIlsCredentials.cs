using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace KioskController.Simulation;

/// <summary>
/// The port and the SIP login the embedded ILS and the kiosk share. The password is made fresh at each start, so no
/// secret sits in appsettings.json, and port 0 becomes a free port chosen once.
/// </summary>
internal sealed class EmbeddedIlsCredentials
{
    public EmbeddedIlsCredentials(int configuredPort)
    {
        Port = configuredPort == 0 ? FreeLoopbackPort() : configuredPort;
        Password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
    }

    public int Port { get; }

    public string UserId { get; } = "kiosk";

    public string Password { get; }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
