using System.ComponentModel.DataAnnotations;
using System.IO.Ports;
using System.Text.Json.Serialization;

namespace Kiosk.Devices.Rfid;

/// <summary>
/// One reader's settings, kept as a JSON file in <c>firmware-config/readers/</c>: how to reach it, what it polls, and
/// how the site marks security. Loaded and checked at start by <see cref="RfidReaderProfileLoader"/>.
/// </summary>
public sealed class RfidReaderProfile
{
    /// <summary>The reader's name, such as "pad" or "gate-left"; events and logs use it.</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[a-z0-9][a-z0-9-]{0,31}$", ErrorMessage = "name must be lower-case letters, digits and dashes, such as 'pad'.")]
    public string Name { get; set; } = string.Empty;

    /// <summary>The wire protocol.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<RfidReaderProtocol>))]
    public RfidReaderProtocol Protocol { get; set; }

    /// <summary>The serial device, such as /dev/ttyUSB0 or a stable /dev/serial/by-id/… link.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Port { get; set; } = string.Empty;

    /// <summary>Bits per second; FEIG's default is 38400, the 3M 810's 19200.</summary>
    [Range(1200, 921600)]
    public int BaudRate { get; set; }

    /// <summary>Parity; FEIG's default is Even, the 3M 810's None.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<Parity>))]
    public Parity Parity { get; set; }

    /// <summary>Data bits.</summary>
    [Range(7, 8)]
    public int DataBits { get; set; } = 8;

    /// <summary>Stop bits.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<StopBits>))]
    public StopBits StopBits { get; set; } = StopBits.One;

    /// <summary>Whether to raise DTR. Off by default: some readers reset on it, and a pty refuses the ioctl.</summary>
    public bool DtrEnable { get; set; }

    /// <summary>Whether to raise RTS. Off by default, for the same reasons.</summary>
    public bool RtsEnable { get; set; }

    /// <summary>The FEIG bus address (0–254; 255 reaches any reader on a point-to-point line).</summary>
    [Range(0, 255)]
    public int BusAddress { get; set; } = 255;

    /// <summary>The antennas to poll, numbered from 1.</summary>
    [MinLength(1)]
    public IList<int> Antennas { get; set; } = [1];

    /// <summary>How often each antenna is inventoried.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:10")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Whether polls see secured items only (an inventory filtered by <see cref="SecuredAfi"/>), as an exit gate polls:
    /// it only cares about items that must not leave. A pad polls every tag.
    /// </summary>
    public bool PollSecuredOnly { get; set; }

    /// <summary>How the site marks security: AFI (default) or EAS.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<RfidSecurityMode>))]
    public RfidSecurityMode SecurityMode { get; set; } = RfidSecurityMode.Afi;

    /// <summary>The AFI of an item in the library (secured); commonly 0x07, 0xD7 on some 3M gates.</summary>
    [Range(1, 255)]
    public int SecuredAfi { get; set; } = 0x07;

    /// <summary>The AFI of an item on loan; commonly 0xC2, 0xDA on some 3M gates.</summary>
    [Range(1, 255)]
    public int LoanedAfi { get; set; } = 0xC2;

    /// <summary>How many write-and-verify attempts a security switch makes before it reports failure.</summary>
    [Range(1, 10)]
    public int SecurityAttempts { get; set; } = 3;
}
