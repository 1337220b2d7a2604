using Kiosk.Devices.Transports;

namespace Kiosk.Devices.Printers;

/// <summary>A printer on a serial port (or a USB printer that presents one), through the shared <see cref="ISerialTransport"/>.</summary>
public sealed class SerialPrinterTransport(ISerialTransport transport) : IPrinterTransport
{
    private readonly ISerialTransport _transport = transport ?? throw new ArgumentNullException(nameof(transport));

    /// <inheritdoc/>
    public string Description => _transport.PortName;

    /// <inheritdoc/>
    public bool ReportsStatus => true;

    /// <inheritdoc/>
    public async ValueTask<IPrinterConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = await _transport.OpenAsync(cancellationToken).ConfigureAwait(false);
            return new StreamPrinterConnection(connection.Stream, connection);
        }
        catch (SerialTransportException ex)
        {
            throw new IOException($"Printer on {_transport.PortName} could not be opened: {ex.Message}", ex);
        }
    }
}
