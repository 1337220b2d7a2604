namespace Kiosk.Devices.Printers;

/// <summary>How a print job ended.</summary>
public enum PrintResultCode
{
    /// <summary>Every byte was handed to the printer, which reported nothing wrong.</summary>
    Printed,

    /// <summary>Not sent: the printer reports paper end.</summary>
    PaperEnd,

    /// <summary>Not sent: the cover is open.</summary>
    CoverOpen,

    /// <summary>Not sent: the printer is offline or in error.</summary>
    Offline,

    /// <summary>The printer could not be reached or did not answer in time.</summary>
    Unreachable,

    /// <summary>The printer stopped taking bytes before the job was sent.</summary>
    TimedOut,
}
