using Kiosk.Protocols.Readers;

namespace Kiosk.Devices.Rfid;

/// <summary>A tag arrived at, or left, one antenna's field.</summary>
/// <param name="Kind">Arrived or left.</param>
/// <param name="Antenna">The antenna, numbered as the reader profile numbers them.</param>
/// <param name="Uid">The tag.</param>
/// <param name="At">When the change was decided.</param>
public sealed record TagPresenceChange(TagPresenceChangeKind Kind, int Antenna, TransponderUid Uid, DateTimeOffset At);
