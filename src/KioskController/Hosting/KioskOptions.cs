using System.ComponentModel.DataAnnotations;

namespace KioskController.Hosting;

/// <summary>The kiosk's own settings, bound from the configuration section <c>Kiosk</c>.</summary>
public sealed class KioskOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Kiosk";

    /// <summary>Where the UI is served. The kiosk's browser runs on the same machine, so loopback by default.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>
    /// Host names the UI answers to besides localhost, 127.0.0.1 and [::1], separated by ';' (such as
    /// "kiosk-01.library.lan;10.0.4.21"). Any other Host header gets 400, which stops DNS rebinding.
    /// </summary>
    public string AllowedHosts { get; set; } = string.Empty;

    /// <summary>This device's name in events and on the status page, such as "hn-tv-kiosk-01".</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[a-z0-9][a-z0-9-]{0,62}$", ErrorMessage = "Kiosk:DeviceId must be lower-case letters, digits and dashes, such as 'hn-tv-kiosk-01'.")]
    public string DeviceId { get; set; } = "kiosk-01";

    /// <summary>The library's name as patrons see it.</summary>
    public string LibraryName { get; set; } = "Thư viện";

    /// <summary>The language the screen starts in: "vi" or "en".</summary>
    [RegularExpression("^(vi|en)$", ErrorMessage = "Kiosk:DefaultLanguage must be 'vi' or 'en'.")]
    public string DefaultLanguage { get; set; } = "vi";

    /// <summary>
    /// The library's time zone, an IANA id such as "Asia/Ho_Chi_Minh": due dates are shown as days there, and the ILS's
    /// local times are read in it, whatever zone the kiosk's operating system was left in.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string TimeZone { get; set; } = Kiosk.Circulation.LibraryCalendar.DefaultTimeZone;

    /// <summary>The patron's screen.</summary>
    public KioskUiOptions Ui { get; set; } = new();
}
