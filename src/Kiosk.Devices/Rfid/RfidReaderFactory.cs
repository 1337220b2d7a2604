using Kiosk.Devices.Rfid.Feig;
using Kiosk.Devices.Rfid.ThreeM;
using Kiosk.Devices.Transports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiosk.Devices.Rfid;

/// <summary>Makes the driver a profile names, and the serial settings its port needs.</summary>
public static class RfidReaderFactory
{
    /// <summary>
    /// The transport settings for <paramref name="profile"/>: its port, baud rate, parity, data and stop bits, DTR and
    /// RTS. Handshaking stays None (the frames are binary, and XOnXOff would eat 0x11 and 0x13).
    /// </summary>
    public static SerialTransportOptions CreateTransportOptions(RfidReaderProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new SerialTransportOptions
        {
            PortName = profile.Port,
            BaudRate = profile.BaudRate,
            Parity = profile.Parity,
            DataBits = profile.DataBits,
            StopBits = profile.StopBits,
            DtrEnable = profile.DtrEnable,
            RtsEnable = profile.RtsEnable,
        };
    }

    /// <summary>Creates the driver for <paramref name="profile"/>'s protocol on an open connection.</summary>
    /// <param name="profile">The reader's profile.</param>
    /// <param name="connection">The open connection to the reader.</param>
    /// <param name="timeProvider">Times the driver's reply timeouts.</param>
    /// <param name="loggerFactory">Makes the driver's logger; nothing is logged when null.</param>
    /// <exception cref="ArgumentException">The profile names a protocol or security mode the drivers do not offer.</exception>
    public static IRfidReader Create(RfidReaderProfile profile, ISerialConnection connection, TimeProvider timeProvider, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(connection);
        loggerFactory ??= NullLoggerFactory.Instance;
        return profile.Protocol switch
        {
            RfidReaderProtocol.Feig => new FeigRfidReader(connection, profile, timeProvider, loggerFactory.CreateLogger<FeigRfidReader>()),
            RfidReaderProtocol.ThreeM => new ThreeMRfidReader(connection, profile, timeProvider, loggerFactory.CreateLogger<ThreeMRfidReader>()),
            _ => throw new ArgumentException($"Reader '{profile.Name}' names protocol {profile.Protocol}, which no driver speaks; use Feig or ThreeM.", nameof(profile)),
        };
    }
}
