using System.Globalization;
using System.Net.Sockets;

namespace Kiosk.Devices.Printers;

/// <summary>A network printer on raw TCP ("port 9100", the JetDirect convention Epson's Ethernet interfaces follow).</summary>
public sealed class TcpPrinterTransport : IPrinterTransport
{
    /// <summary>The raw printing port.</summary>
    public const int DefaultPort = 9100;

    private readonly string _host;
    private readonly int _port;
    private readonly TimeSpan _connectTimeout;

    /// <summary>Creates the transport.</summary>
    /// <param name="host">Host name or address.</param>
    /// <param name="port">TCP port, 9100 by default.</param>
    /// <param name="connectTimeout">
    /// How long a connect may take; 3 s by default: a printer on the kiosk's LAN answers in milliseconds, and a loan must
    /// not wait on a switched-off printer for the operating system's 2-minute SYN timeout.
    /// </param>
    public TcpPrinterTransport(string host, int port = DefaultPort, TimeSpan? connectTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        _host = host;
        _port = port;
        _connectTimeout = connectTimeout ?? TimeSpan.FromSeconds(3);
    }

    /// <inheritdoc/>
    public string Description => string.Create(CultureInfo.InvariantCulture, $"tcp://{_host}:{_port}");

    /// <inheritdoc/>
    public bool ReportsStatus => true;

    /// <inheritdoc/>
    public async ValueTask<IPrinterConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var client = new TcpClient { NoDelay = true };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_connectTimeout);
        try
        {
            await client.ConnectAsync(_host, _port, timeout.Token).ConfigureAwait(false);
            return new StreamPrinterConnection(client.GetStream(), new DisposableAdapter(client));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            throw new IOException(string.Create(CultureInfo.InvariantCulture, $"Printer at {Description} did not accept a connection within {_connectTimeout.TotalSeconds:0.#} s; check that it is on and its address."));
        }
        catch (SocketException ex)
        {
            client.Dispose();
            throw new IOException($"Printer at {Description} refused or is unreachable ({ex.SocketErrorCode}); check that it is on and its address.", ex);
        }
    }

    private sealed class DisposableAdapter(IDisposable inner) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            inner.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
