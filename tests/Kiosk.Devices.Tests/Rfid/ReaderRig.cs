using System.IO.Ports;
using Kiosk.Devices.Rfid;
using Kiosk.Devices.Transports;
using Kiosk.Protocols.Readers.Feig;
using Kiosk.Protocols.Readers.ThreeM;
using Kiosk.Simulators.Rfid;

namespace Kiosk.Devices.Tests.Rfid;

/// <summary>
/// A reader simulator on a real pty and the driver on its slave, opened with the real SerialPort through
/// SerialPortTransport, as the kiosk opens /dev/ttyUSB0.
/// </summary>
internal sealed class ReaderRig : IAsyncDisposable
{
    private ReaderRig(PseudoTerminalReaderSimulator simulator, RfidReaderProfile profile)
    {
        Simulator = simulator;
        Profile = profile;
    }

    public PseudoTerminalReaderSimulator Simulator { get; }

    public RfidReaderProfile Profile { get; }

    public RfidField Field => Simulator.Field;

    public ReaderFaults Faults => Simulator.Faults;

    public ISerialConnection? Connection { get; private set; }

    public IRfidReader? Reader { get; private set; }

    /// <summary>A plugged-in simulator of <paramref name="protocol"/> with its profile; the driver is not opened yet.</summary>
    public static ReaderRig Create(RfidReaderProtocol protocol, string? linkPath = null, FeigReaderSimulatorOptions? feigOptions = null, int antennas = 1)
    {
        var field = new RfidField(Math.Max(antennas, 1));
        PseudoTerminalReaderSimulator simulator = protocol == RfidReaderProtocol.Feig
            ? new FeigReaderSimulator(field, feigOptions ?? new FeigReaderSimulatorOptions { LinkPath = linkPath, AntennaCount = antennas })
            : new ThreeMReaderSimulator(field, new ThreeMReaderSimulatorOptions { LinkPath = linkPath });
        simulator.Plug();
        var profile = new RfidReaderProfile
        {
            Name = "pad",
            Protocol = protocol,
            Port = simulator.PortPath,
            BaudRate = protocol == RfidReaderProtocol.Feig ? FeigTiming.DefaultBaudRate : ThreeMTiming.BaudRate,
            Parity = protocol == RfidReaderProtocol.Feig ? Parity.Even : Parity.None,
            Antennas = [.. Enumerable.Range(1, antennas)],
            PollInterval = TimeSpan.FromMilliseconds(50),
            SecuredAfi = protocol == RfidReaderProtocol.Feig ? SecurityAfi.Common.Secured : SecurityAfi.ThreeM.Secured,
            LoanedAfi = protocol == RfidReaderProtocol.Feig ? SecurityAfi.Common.NotSecured : SecurityAfi.ThreeM.NotSecured,
        };
        return new ReaderRig(simulator, profile);
    }

    /// <summary>The site's AFI values for this rig's protocol, for making tags.</summary>
    public SecurityAfi Afi => new((byte)Profile.SecuredAfi, (byte)Profile.LoanedAfi);

    public SerialPortTransport CreateTransport() => new(RfidReaderFactory.CreateTransportOptions(Profile));

    /// <summary>Opens the port and makes the driver for it.</summary>
    public async Task<IRfidReader> OpenAsync(TimeProvider? timeProvider = null)
    {
        Connection = await CreateTransport().OpenAsync();
        Reader = RfidReaderFactory.Create(Profile, Connection, timeProvider ?? TimeProvider.System);
        return Reader;
    }

    public async ValueTask DisposeAsync()
    {
        if (Reader is not null)
        {
            await Reader.DisposeAsync();
        }

        if (Connection is not null)
        {
            await Connection.DisposeAsync();
        }

        await Simulator.DisposeAsync();
    }
}
