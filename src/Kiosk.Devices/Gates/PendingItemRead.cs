using Kiosk.Protocols.Readers;

namespace Kiosk.Devices.Gates;

/// <summary>An alarmed tag whose memory is still to be read, and the direction its alarm is waiting for.</summary>
/// <param name="AlarmId">The alarm.</param>
/// <param name="Uid">The tag.</param>
/// <param name="Antenna">The antenna that saw it.</param>
/// <param name="Dsfid">Its DSFID from the inventory, a hint for the data model.</param>
/// <param name="Direction">The alarm's claim on its passage's direction.</param>
internal sealed record PendingItemRead(Guid AlarmId, TransponderUid Uid, int Antenna, byte Dsfid, AlarmDirectionClaim Direction);
