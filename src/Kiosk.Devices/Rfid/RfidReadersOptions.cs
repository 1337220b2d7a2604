using System.ComponentModel.DataAnnotations;
using Kiosk.Devices.Transports;
using Microsoft.Extensions.Options;

namespace Kiosk.Devices.Rfid;

/// <summary>Where the kiosk's reader profiles are and how every reader is debounced and reconnected. Bound from <c>Kiosk:Rfid</c>.</summary>
public sealed class RfidReadersOptions
{
    /// <summary>The configuration section <c>services.AddRfidReaders()</c> binds.</summary>
    public const string SectionName = "Kiosk:Rfid";

    /// <summary>The folder of reader profiles, one JSON file per reader (firmware-config/readers).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "ProfileDirectory is empty; point it at the folder of reader profiles, such as firmware-config/readers.")]
    public string ProfileDirectory { get; set; } = string.Empty;

    /// <summary>How arrivals and departures are debounced.</summary>
    [ValidateObjectMembers]
    public TagPresenceOptions Presence { get; set; } = new();

    /// <summary>How a lost reader port is reopened.</summary>
    [ValidateObjectMembers]
    public SerialSupervisorOptions Reconnect { get; set; } = new();
}
