using System.ComponentModel.DataAnnotations;
using System.IO.Ports;

namespace Kiosk.Devices.Transports;

/// <summary>
/// Which serial port a device is on and how the line is set. Bound per device (for example
/// <c>Kiosk:Devices:Scanner:Serial</c>) at the composition root, and validated at start.
/// </summary>
public sealed class SerialTransportOptions
{
    /// <summary>
    /// The port: /dev/ttyUSB0, a stable /dev/serial/by-id/… link, a simulator's pty link such as /tmp/kiosk-scanner,
    /// or COM3 on Windows.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "PortName is empty; set it to the device's port, e.g. /dev/serial/by-id/usb-… or /dev/ttyUSB0 (COM3 on Windows).")]
    public string PortName { get; set; } = string.Empty;

    /// <summary>Bits per second. FEIG ID ISC readers ship at 38400; most serial barcode scanners at 9600.</summary>
    [Range(50, 4_000_000, ErrorMessage = "BaudRate must be between {1} and {2}; set it to the rate configured in the device (FEIG readers: 38400, most scanners: 9600).")]
    public int BaudRate { get; set; } = 9600;

    /// <summary>Parity. FEIG readers use Even (8E1); scanners usually None (8N1).</summary>
    [EnumDataType(typeof(Parity), ErrorMessage = "Parity must be None, Odd, Even, Mark or Space; FEIG readers use Even, most scanners None.")]
    public Parity Parity { get; set; } = Parity.None;

    /// <summary>Data bits, 5 to 8; 8 for every device this kiosk drives.</summary>
    [Range(5, 8, ErrorMessage = "DataBits must be between {1} and {2}; use 8 unless the device's manual says otherwise.")]
    public int DataBits { get; set; } = 8;

    /// <summary>Stop bits: One, OnePointFive or Two. <see cref="StopBits.None"/> is not a valid line setting.</summary>
    [EnumDataType(typeof(StopBits), ErrorMessage = "StopBits must be One, OnePointFive or Two; use One unless the device's manual says otherwise.")]
    public StopBits StopBits { get; set; } = StopBits.One;

    /// <summary>
    /// Whether to raise DTR after opening. Off: a pty (the simulators) refuses the modem-line ioctls, and most devices
    /// ignore DTR; turn it on only for a device powered or enabled by DTR.
    /// </summary>
    public bool DtrEnable { get; set; }

    /// <summary>Whether to raise RTS after opening. Off for the same reasons as <see cref="DtrEnable"/>. Handshaking stays None.</summary>
    public bool RtsEnable { get; set; }

    /// <summary>
    /// The longest a synchronous read waits (SerialPort.ReadTimeout). Drivers read asynchronously and time their own
    /// protocol, so this only bounds stray synchronous reads.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00", ErrorMessage = "ReadTimeout must be between {1} and {2}; 00:00:01 suits every device here.")]
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest a write waits. A write that cannot finish means the device is gone (.NET's SerialStream stops its
    /// I/O loop on POLLERR and later writes only time out), so it ends the connection.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00", ErrorMessage = "WriteTimeout must be between {1} and {2}; 00:00:01 is ample for frames of a few hundred bytes at 9600 baud.")]
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often an open connection checks that the port still exists, so that a device that went away is noticed even
    /// when the driver is neither reading nor writing.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00", ErrorMessage = "PresenceCheckInterval must be between {1} and {2}; 00:00:01 notices an unplug within a second.")]
    public TimeSpan PresenceCheckInterval { get; set; } = TimeSpan.FromSeconds(1);
}
