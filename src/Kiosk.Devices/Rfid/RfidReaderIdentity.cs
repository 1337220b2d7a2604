using System.Globalization;

namespace Kiosk.Devices.Rfid;

/// <summary>What a driver's messages name: the reader, its port and the line settings a technician checks first.</summary>
/// <param name="Name">The profile's reader name.</param>
/// <param name="PortName">The port, such as /dev/ttyUSB0.</param>
/// <param name="Profile">The profile, for the settings messages quote.</param>
internal sealed record RfidReaderIdentity(string Name, string PortName, RfidReaderProfile Profile)
{
    /// <summary>"Reader 'pad' on /dev/ttyUSB0".</summary>
    public string Subject => $"Reader '{Name}' on {PortName}";

    /// <summary>The advice for a reader that does not answer, quoting the profile's line settings.</summary>
    public string LineAdvice => string.Create(
        CultureInfo.InvariantCulture,
        $"check the baud rate and parity (profile says {Profile.BaudRate} {Profile.DataBits}{ParityLetter(Profile.Parity)}{(Profile.StopBits == System.IO.Ports.StopBits.One ? 1 : 2)}), the cable, and that the reader is powered");

    /// <summary>Milliseconds for messages.</summary>
    public static string Milliseconds(TimeSpan time) => time.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";

    private static char ParityLetter(System.IO.Ports.Parity parity) => parity switch
    {
        System.IO.Ports.Parity.Even => 'E',
        System.IO.Ports.Parity.Odd => 'O',
        System.IO.Ports.Parity.Mark => 'M',
        System.IO.Ports.Parity.Space => 'S',
        _ => 'N',
    };
}
