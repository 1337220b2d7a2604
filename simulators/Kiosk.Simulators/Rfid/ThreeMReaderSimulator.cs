using Microsoft.Extensions.Logging;

namespace Kiosk.Simulators.Rfid;

/// <summary>
/// A 3M 810 reader on a pseudo-terminal. <see cref="PseudoTerminalReaderSimulator.Plug"/> opens the pty; the driver
/// opens <see cref="PseudoTerminalReaderSimulator.PortPath"/> at 19200 8N1.
/// </summary>
public sealed class ThreeMReaderSimulator : PseudoTerminalReaderSimulator
{
    /// <summary>A 3M reader in front of antenna 1 of <paramref name="field"/>; call Plug to open its pty.</summary>
    /// <exception cref="ArgumentException">The options are out of range.</exception>
    public ThreeMReaderSimulator(RfidField field, ThreeMReaderSimulatorOptions? options = null, TimeProvider? timeProvider = null, ILogger? logger = null)
        : base(new ThreeMReaderResponder(field, options, timeProvider, logger), options?.LinkPath, timeProvider, logger)
    {
    }
}
