using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiosk.Devices.Transports;

/// <summary>
/// A transport over any <see cref="Stream"/>: each open asks the factory for a new one. For tests and in-process
/// simulators that are not behind a serial port; faults and disconnection behave as with <see cref="SerialPortTransport"/>.
/// </summary>
public sealed class StreamSerialTransport : ISerialTransport
{
    private readonly Func<CancellationToken, ValueTask<Stream>> _openStream;
    private readonly Func<bool> _isPortPresent;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Creates the transport.</summary>
    /// <param name="portName">A name for messages, such as "simulated scanner".</param>
    /// <param name="openStream">Returns a fresh stream per connection; may throw <see cref="SerialTransportException"/> (or IOException) to refuse.</param>
    /// <param name="isPortPresent">Whether the "port" exists now; always true when null.</param>
    /// <param name="timeProvider">Times write timeouts; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="logger">Where disconnects are logged.</param>
    public StreamSerialTransport(
        string portName,
        Func<CancellationToken, ValueTask<Stream>> openStream,
        Func<bool>? isPortPresent = null,
        TimeProvider? timeProvider = null,
        ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(portName);
        ArgumentNullException.ThrowIfNull(openStream);
        PortName = portName;
        _openStream = openStream;
        _isPortPresent = isPortPresent ?? (static () => true);
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <inheritdoc/>
    public string PortName { get; }

    /// <inheritdoc/>
    public bool IsPortPresent => _isPortPresent();

    /// <summary>How long a write may take before the connection is declared dead; infinite by default.</summary>
    public TimeSpan WriteTimeout { get; init; } = Timeout.InfiniteTimeSpan;

    /// <inheritdoc/>
    public async ValueTask<ISerialConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (!IsPortPresent)
        {
            throw new SerialTransportException($"{PortName} does not exist.", SerialDisconnectReason.PortVanished);
        }

        Stream stream;
        try
        {
            stream = await _openStream(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex) when (ex is not SerialTransportException)
        {
            throw new SerialTransportException($"Could not open {PortName} ({ex.Message}).", SerialDisconnectReason.InputOutputError, ex);
        }

        return new SerialConnection(PortName, stream, _isPortPresent, stream.Dispose, WriteTimeout, TimeSpan.Zero, _timeProvider, _logger);
    }
}
