using Microsoft.Extensions.Logging;

namespace Kiosk.Devices.Transports;

/// <summary>
/// One session over a byte stream, shared by both transports: it turns the first I/O failure (or the port node
/// disappearing) into a single <see cref="SerialDisconnection"/>, closes the underlying stream, and makes every
/// later stream call fail fast instead of hanging on a dead port.
/// </summary>
internal sealed class SerialConnection : ISerialConnection
{
    private readonly TaskCompletionSource<SerialDisconnection> _disconnected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<bool> _isPortPresent;
    private readonly Action _closeInner;
    private readonly ILogger _logger;
    private readonly ITimer? _presenceTimer;
    private readonly Lock _closeGate = new();
    private Task? _closing;

    public SerialConnection(
        string portName,
        Stream inner,
        Func<bool> isPortPresent,
        Action closeInner,
        TimeSpan writeTimeout,
        TimeSpan presenceCheckInterval,
        TimeProvider timeProvider,
        ILogger logger)
    {
        PortName = portName;
        _isPortPresent = isPortPresent;
        _closeInner = closeInner;
        _logger = logger;
        Stream = new SerialConnectionStream(this, inner, writeTimeout, timeProvider);
        if (presenceCheckInterval > TimeSpan.Zero)
        {
            _presenceTimer = timeProvider.CreateTimer(
                static state => ((SerialConnection)state!).CheckPresence(), this, presenceCheckInterval, presenceCheckInterval);
        }
    }

    public string PortName { get; }

    public Stream Stream { get; }

    public bool IsOpen => !_disconnected.Task.IsCompleted;

    public Task<SerialDisconnection> Disconnected => _disconnected.Task;

    /// <summary>Records the end of the connection (first caller wins) and returns the exception a stream call should throw.</summary>
    public SerialTransportException Fault(Exception? error, string operation)
    {
        var vanished = !_isPortPresent();
        var disconnection = vanished
            ? new SerialDisconnection(
                PortName,
                SerialDisconnectReason.PortVanished,
                $"Serial port {PortName} vanished during {operation}: the device was unplugged or powered off (or the simulator's pty closed). Waiting for it to come back.",
                error)
            : new SerialDisconnection(
                PortName,
                SerialDisconnectReason.InputOutputError,
                $"Serial port {PortName} failed during {operation}{(error is null ? string.Empty : " (" + error.Message + ")")}; check the cable and the device's power.",
                error);
        if (_disconnected.TrySetResult(disconnection))
        {
            Log.PortDisconnected(_logger, PortName, disconnection.Reason, disconnection.Message);
            StartClosing();
        }

        var actual = _disconnected.Task.Result;
        return new SerialTransportException(actual.Message, actual.Reason, error);
    }

    /// <summary>Throws when the connection has already ended.</summary>
    public void ThrowIfDisconnected()
    {
        if (_disconnected.Task.IsCompleted)
        {
            var disconnection = _disconnected.Task.Result;
            throw new SerialTransportException(disconnection.Message, disconnection.Reason, disconnection.Exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disconnected.TrySetResult(new SerialDisconnection(PortName, SerialDisconnectReason.Closed, $"Serial port {PortName} was closed by its owner.")))
        {
            Log.PortClosed(_logger, PortName);
        }

        await StartClosing().ConfigureAwait(false);
    }

    private Task StartClosing()
    {
        lock (_closeGate)
        {
            // On a pool thread: a fault can be reported from inside SerialStream's I/O loop (a read completing with an
            // error), and disposing the stream from there would wait for that loop to finish, i.e. for itself.
            return _closing ??= Task.Run(CloseInner);
        }
    }

    private void CloseInner()
    {
        _presenceTimer?.Dispose();
        try
        {
            _closeInner();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException or UnauthorizedAccessException)
        {
            Log.CloseFailed(_logger, PortName, ex);
        }
    }

    private void CheckPresence()
    {
        if (IsOpen && !_isPortPresent())
        {
            _ = Fault(null, "the presence check");
        }
    }
}
