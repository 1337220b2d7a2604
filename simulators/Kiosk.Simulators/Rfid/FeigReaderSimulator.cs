using Microsoft.Extensions.Logging;

namespace Kiosk.Simulators.Rfid;

/// <summary>
/// A FEIG ID CPR reader on a pseudo-terminal. <see cref="PseudoTerminalReaderSimulator.Plug"/> opens the pty; the
/// driver opens <see cref="PseudoTerminalReaderSimulator.PortPath"/> at 38400 8E1 (the pty carries no parity, but the
/// timing model counts 11 bits per byte).
/// </summary>
public sealed class FeigReaderSimulator : PseudoTerminalReaderSimulator
{
    /// <summary>A FEIG reader in front of <paramref name="field"/>; call Plug to open its pty.</summary>
    /// <exception cref="ArgumentException">The options are out of range.</exception>
    public FeigReaderSimulator(RfidField field, FeigReaderSimulatorOptions? options = null, TimeProvider? timeProvider = null, ILogger? logger = null)
        : this(new FeigReaderResponder(field, options, timeProvider, logger), options, timeProvider, logger)
    {
    }

    private FeigReaderSimulator(FeigReaderResponder responder, FeigReaderSimulatorOptions? options, TimeProvider? timeProvider, ILogger? logger)
        : base(responder, options?.LinkPath, timeProvider, logger) => Feig = responder;

    /// <summary>The FEIG protocol side, with its CFG4 configuration and active antenna.</summary>
    public FeigReaderResponder Feig { get; }
}
