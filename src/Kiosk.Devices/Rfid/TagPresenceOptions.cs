using System.ComponentModel.DataAnnotations;

namespace Kiosk.Devices.Rfid;

/// <summary>How the presence tracker debounces what the reader sees.</summary>
public sealed class TagPresenceOptions
{
    /// <summary>
    /// How many polls in a row must see a tag before it counts as arrived. 1 shows each book the moment it lands on the
    /// pad; a gate antenna, where a tag may only brush the field, may want more.
    /// </summary>
    [Range(1, 10)]
    public int ArrivalConfirmations { get; set; } = 1;

    /// <summary>
    /// How long a tag may go unseen before it counts as gone. A stack of books detunes tags, so a tag that drops out of
    /// one or two inventories is usually still there; a lifted book is gone for good.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan DepartureGrace { get; set; } = TimeSpan.FromSeconds(1.5);
}
