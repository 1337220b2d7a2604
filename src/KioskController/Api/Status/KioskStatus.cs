namespace KioskController.Api.Status;

/// <summary>What <c>GET /api/status</c> returns: the kiosk and its ILS link, with no patron data.</summary>
/// <param name="DeviceId">The device's name.</param>
/// <param name="LibraryName">The library's name.</param>
/// <param name="DefaultLanguage">The screen's starting language.</param>
/// <param name="Ils">The ILS link.</param>
/// <param name="Simulated">Whether the devices and ILS are the in-process simulators.</param>
/// <param name="Readers">Each RFID reader's link and the tags in its field.</param>
/// <param name="Printer">The receipt printer, or null when the kiosk has none.</param>
/// <param name="Maintenance">Whether a technician has taken the kiosk out of service (remote command enter-maintenance).</param>
/// <param name="Scanner">The barcode scanner, or null when the kiosk has none.</param>
public sealed record KioskStatus(
    string DeviceId,
    string LibraryName,
    string DefaultLanguage,
    IlsLinkStatus Ils,
    bool Simulated,
    IReadOnlyList<ReaderSnapshot> Readers,
    PrinterSnapshot? Printer,
    bool Maintenance = false,
    ScannerSnapshot? Scanner = null)
{
    /// <summary>The library's time zone (IANA id): due dates are days there, whatever the kiosk's own clock zone.</summary>
    public string TimeZone { get; init; } = Kiosk.Circulation.LibraryCalendar.DefaultTimeZone;

    /// <summary>Whether the screen plays its short sounds for done and for a problem.</summary>
    public bool Sounds { get; init; } = true;

    /// <summary>Seconds of inactivity after which any screen returns home in the default language.</summary>
    public int ScreenTimeout { get; init; } = 60;
}
