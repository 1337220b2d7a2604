namespace Kiosk.Protocols.Readers.Feig;

/// <summary>
/// Times and line settings the FEIG ID CPR manual (H20800-16e-ID-B, 2008-08-19) documents, shared by the driver's
/// timeouts and the simulator's delays. Radio times of the tags themselves are in <see cref="Iso15693Timing"/>.
/// </summary>
public static class FeigTiming
{
    /// <summary>Factory baud rate: 38400, 8 data bits, even parity, 1 stop bit (CFG1 BAUD 0x08 and TRANS-FORM 0x01 defaults, §4.2, p.24).</summary>
    public const int DefaultBaudRate = 38400;

    /// <summary>
    /// Protocol Start Synchronization Time: the gap of silence required after the last byte of a reply before the
    /// next request, normally 5 ms; configurable 0–5 ms as CFG1 PSST (§3.1 "Timing conditions", p.20; §4.2, p.25).
    /// </summary>
    public static readonly TimeSpan ProtocolStartSynchronizationTime = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// Data timeout: within one protocol frame the characters follow each other at most 12 ms apart (§3.1, p.20).
    /// A longer gap means the frame was cut short.
    /// </summary>
    public static readonly TimeSpan MaximumCharacterGap = TimeSpan.FromMilliseconds(12);

    /// <summary>
    /// Factory TR-RESPONSE-TIME: the latest the reader answers a transponder command, 0x000A × 100 ms = 1 s (CFG1
    /// defaults, §4.2, p.24; meaning, p.26). The host's receive timeout must be at least this. It does not apply to
    /// reader configuration and control commands.
    /// </summary>
    public static readonly TimeSpan DefaultTransponderResponseTime = TimeSpan.FromSeconds(1);

    /// <summary>The unit of TR-RESPONSE-TIME (0–65535 units) and of inventory NTFC_TIME (0–255 units) (§4.2, p.26; §7.1.1, p.83).</summary>
    public static readonly TimeSpan ResponseTimeUnit = TimeSpan.FromMilliseconds(100);

    /// <summary>[0x69] RF Reset switches the field off for t_rf = 15 ms; no transponder can be reached meanwhile (§6.6, p.72).</summary>
    public static readonly TimeSpan RfResetOffTime = TimeSpan.FromMilliseconds(15);

    /// <summary>
    /// In the ISO 15693 transparent command, a write whose transponder has not answered within 20 ms is reported as
    /// status 0x01 (§8.1, p.123): the longest a tag write is expected to take.
    /// </summary>
    public static readonly TimeSpan TransponderWriteResponseLimit = TimeSpan.FromMilliseconds(20);
}
