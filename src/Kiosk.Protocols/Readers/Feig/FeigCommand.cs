namespace Kiosk.Protocols.Readers.Feig;

/// <summary>
/// The COMMAND byte of a FEIG ISO host protocol frame (ID CPR manual H20800-16e-ID-B, chapters 6 and 7). Only the
/// commands a kiosk driver needs are named; the decoders keep any other byte as an unknown command.
/// </summary>
#pragma warning disable CA1028 // The wire byte is the value; byte storage says so.
public enum FeigCommand : byte
#pragma warning restore CA1028
{
    /// <summary>
    /// [0x52] Baud Rate Detection: request data 0x00, reply status 0x00 and no data; the reader answers only at its own
    /// baud rate and parity, so a host finds the line's settings by trying them (§6.1, p.64).
    /// </summary>
    BaudRateDetection = 0x52,

    /// <summary>[0x63] CPU Reset: restarts the reader; the RF field goes off meanwhile (§6.3, p.65).</summary>
    CpuReset = 0x63,

    /// <summary>[0x65] Get Software Version: firmware revision, reader type, supported transponders (§6.4, p.66).</summary>
    GetSoftwareVersion = 0x65,

    /// <summary>[0x66] Get Reader Info, selected by a MODE byte (§6.5, p.68).</summary>
    GetReaderInfo = 0x66,

    /// <summary>[0x69] RF Reset: field off for 15 ms so every tag returns to its power-on state (§6.6, p.72).</summary>
    RfReset = 0x69,

    /// <summary>[0x6A] RF Output ON/OFF (§6.7, p.73).</summary>
    RfOutput = 0x6A,

    /// <summary>[0xB0] ISO Standard Host Commands: the ISO 15693 command follows as a sub-command (§7.1, p.80).</summary>
    IsoStandardHostCommand = 0xB0,

    /// <summary>
    /// [0xB1] ISO 15693 custom and proprietary commands, with a manufacturer byte. The ID CPR manual (revision 5,
    /// p.7) says its firmware no longer supports it; FEIG's ID ISC readers do (FEIG ID FEDM class library manual
    /// H10202-32e, §6, "[0xB1] ISO15693 Customer and Proprietary Commands").
    /// </summary>
    IsoCustomHostCommand = 0xB1,
}
