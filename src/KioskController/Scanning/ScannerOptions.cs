using System.ComponentModel.DataAnnotations;

namespace KioskController.Scanning;

/// <summary>The kiosk's barcode scanner, bound from <c>Kiosk:Scanner</c>. No port means no scanner.</summary>
public sealed class ScannerOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Kiosk:Scanner";

    /// <summary>The scanner's serial port, such as /dev/serial/by-id/usb-Honeywell…; set by the default run to its simulator.</summary>
    public string? Port { get; set; }

    /// <summary>The scanner's baud rate; most USB-serial scanners ship at 9600 8N1.</summary>
    [Range(1200, 921600, ErrorMessage = "Kiosk:Scanner:BaudRate must be between 1200 and 921600; most scanners use 9600.")]
    public int BaudRate { get; set; } = 9600;

    /// <summary>
    /// A regular expression (whole match) for library card numbers, such as <c>BD\d{4,}</c>. A scan that matches signs
    /// in, even during a session; anything else is an item. Without it, a scan signs in when nobody is signed in and adds
    /// an item otherwise.
    /// </summary>
    public string? PatronCardPattern { get; set; }
}
