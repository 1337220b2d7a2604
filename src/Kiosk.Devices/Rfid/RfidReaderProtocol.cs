namespace Kiosk.Devices.Rfid;

/// <summary>The wire protocol a reader speaks.</summary>
public enum RfidReaderProtocol
{
    /// <summary>FEIG ISO host protocol (ID CPR, ID ISC readers); serial default 38400 8E1.</summary>
    Feig,

    /// <summary>3M 810 pad reader protocol; serial 19200 8N1.</summary>
    ThreeM,
}
