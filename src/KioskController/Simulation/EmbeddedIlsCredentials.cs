using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace KioskController.Simulation;

/// <summary>
/// The port and the SIP login the embedded ILS and the kiosk share. The password is made fresh at each start, so no
/// secret sits in appsettings.json. Port 0 becomes a free port that is listened on at once and handed to the simulator
/// (<see cref="TakeListener"/>): choosing a port, closing it and binding it again later would let another program take it
/// in between.
/// </summary>
internal sealed class EmbeddedIlsCredentials : IDisposable
{
    private Socket? _listener;

    public EmbeddedIlsCredentials(int configuredPort)
    {
        if (configuredPort == 0)
        {
            _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            _listener.Listen(128);
            Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        }
        else
        {
            Port = configuredPort;
        }

        Password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
    }

    public int Port { get; }

    public string UserId { get; } = "kiosk";

    public string Password { get; }

    /// <summary>The socket already listening on <see cref="Port"/>, once; null when a fixed port was configured.</summary>
    public Socket? TakeListener() => Interlocked.Exchange(ref _listener, null);

    public void Dispose() => TakeListener()?.Dispose();
}
