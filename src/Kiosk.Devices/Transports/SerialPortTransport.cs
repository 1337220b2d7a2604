using System.Globalization;
using System.IO.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kiosk.Devices.Transports;

/// <summary>
/// The real serial transport, over System.IO.Ports. Only the composition root creates one (it names the port);
/// drivers receive it as an <see cref="ISerialTransport"/>.
/// </summary>
/// <remarks>
/// SerialPort quirks this class works around, measured with System.IO.Ports 10.0 on Linux:
/// <list type="bullet">
/// <item>Handshake is always None: XOnXOff would swallow 0x11 and 0x13 inside binary frames.</item>
/// <item>DTR and RTS are left alone unless configured: a pty refuses TIOCMBIS with ENOTTY, and SerialPort turns
/// that into an IOException, even when DtrEnable is set before Open.</item>
/// <item>A failed open(2), a missing path included, surfaces as UnauthorizedAccessException ("Access to the port is
/// denied"), so the path is checked first to tell "unplugged" from "permission denied".</item>
/// <item>On a pty, the kernel keeps the baud rate and stop bits but forces 8 data bits and no parity; SerialPort opens
/// at 8E1 without complaint (glibc's tcsetattr would report EINVAL). Bytes pass unchanged, as a pty has no wire.</item>
/// <item>When the device goes away, SerialStream's I/O loop sees POLLERR, fails pending reads with
/// ObjectDisposedException and never runs again; a later write then only times out, and SerialPort.Dispose waits for
/// ever for that write to drain. The connection therefore disposes BaseStream before the SerialPort.</item>
/// </list>
/// </remarks>
public sealed class SerialPortTransport : ISerialTransport
{
    private readonly SerialTransportOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Creates the transport; nothing is opened until <see cref="OpenAsync"/>.</summary>
    /// <param name="options">The port and line settings.</param>
    /// <param name="timeProvider">Times the write timeout and the presence check; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="logger">Where open and disconnect are logged.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message names each setting and its fix.</exception>
    public SerialPortTransport(SerialTransportOptions options, TimeProvider? timeProvider = null, ILogger<SerialPortTransport>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ThrowIfInvalid(options);
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc/>
    public string PortName => _options.PortName;

    /// <inheritdoc/>
    public bool IsPortPresent => IsPresent(_options.PortName);

    /// <inheritdoc/>
    public ValueTask<ISerialConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // open(2) and tcsetattr(3) on a tty return at once; there is nothing to await.
        return ValueTask.FromResult<ISerialConnection>(Open());
    }

    internal static bool IsPresent(string portName) =>
        OperatingSystem.IsWindows()
            ? SerialPort.GetPortNames().Contains(portName, StringComparer.OrdinalIgnoreCase)
            : File.Exists(portName);

    internal static void ThrowIfInvalid(SerialTransportOptions options)
    {
        var failures = new List<string>();
        foreach (var result in new IValidateOptions<SerialTransportOptions>[] { new SerialTransportOptionsValidator(), new SerialTransportOptionsConsistencyValidator() }
                     .Select(validator => validator.Validate(Options.DefaultName, options)))
        {
            if (result.Failed)
            {
                failures.AddRange(result.Failures);
            }
        }

        if (failures.Count > 0)
        {
            throw new ArgumentException("Serial port settings are invalid: " + string.Join(" ", failures), nameof(options));
        }
    }

    private SerialConnection Open()
    {
        var portName = _options.PortName;
        if (!IsPortPresent)
        {
            throw new SerialTransportException(
                $"Serial port {portName} does not exist; check that the device is plugged in and that PortName names it (ls -l /dev/serial/by-id).",
                SerialDisconnectReason.PortVanished);
        }

        var port = new SerialPort(portName, _options.BaudRate, _options.Parity, _options.DataBits, _options.StopBits)
        {
            Handshake = Handshake.None,
            DtrEnable = false,
            RtsEnable = false,
            ReadTimeout = (int)_options.ReadTimeout.TotalMilliseconds,
            WriteTimeout = (int)_options.WriteTimeout.TotalMilliseconds,
        };
        try
        {
            port.Open();
            RaiseModemLines(port);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException or ArgumentException or InvalidOperationException)
        {
            Close(port);
            throw Describe(ex);
        }

        Log.PortOpened(_logger, portName, _options.BaudRate, _options.DataBits, _options.Parity.ToString(), _options.StopBits.ToString());
        return new SerialConnection(
            portName,
            port.BaseStream,
            () => IsPresent(portName),
            () => Close(port),
            _options.WriteTimeout,
            _options.PresenceCheckInterval,
            _timeProvider,
            _logger);
    }

    private void RaiseModemLines(SerialPort port)
    {
        // Raised after Open, one at a time, so that a refusal names the line and the setting.
        if (_options.DtrEnable)
        {
            SetModemLine(port, "DTR", nameof(SerialTransportOptions.DtrEnable), static p => p.DtrEnable = true);
        }

        if (_options.RtsEnable)
        {
            SetModemLine(port, "RTS", nameof(SerialTransportOptions.RtsEnable), static p => p.RtsEnable = true);
        }
    }

    private static void SetModemLine(SerialPort port, string line, string setting, Action<SerialPort> raise)
    {
        try
        {
            raise(port);
        }
        catch (IOException ex)
        {
            throw new SerialTransportException(
                $"Serial port {port.PortName} refused to raise {line} ({ex.Message}). A pseudo-terminal (the simulators) and adapters without modem lines cannot; set {setting} to false, or use an adapter that has {line}.",
                SerialDisconnectReason.InputOutputError,
                ex);
        }
    }

    private SerialTransportException Describe(Exception ex)
    {
        var portName = _options.PortName;
        if (ex is SerialTransportException transportException)
        {
            return transportException;
        }

        if (!IsPortPresent)
        {
            return new SerialTransportException(
                $"Serial port {portName} disappeared while opening; check that the device is plugged in.", SerialDisconnectReason.PortVanished, ex);
        }

        return ex switch
        {
            // SerialPort reports every failed open(2) as UnauthorizedAccessException; the path exists, so it is EACCES or EBUSY.
            UnauthorizedAccessException => new SerialTransportException(
                $"Could not open serial port {portName} ({ex.Message}); check that the kiosk's user is in the dialout group and that no other program (another kiosk instance, ModemManager) holds the port.",
                SerialDisconnectReason.InputOutputError,
                ex),
            ArgumentException => new SerialTransportException(
                string.Create(CultureInfo.InvariantCulture, $"Serial port {portName} rejected the line settings ({ex.Message}); check BaudRate ({_options.BaudRate}), DataBits, Parity and StopBits against the device's manual."),
                SerialDisconnectReason.InputOutputError,
                ex),
            _ => new SerialTransportException(
                $"Could not open serial port {portName} ({ex.Message}); check that it is a serial device and that it is not in use.",
                SerialDisconnectReason.InputOutputError,
                ex),
        };
    }

    private static void Close(SerialPort port)
    {
        try
        {
            if (port.IsOpen)
            {
                port.BaseStream.Dispose();
            }
        }
        catch (IOException)
        {
            // The port is being abandoned because of an earlier error; that error is the one reported.
        }

        port.Dispose();
    }
}
