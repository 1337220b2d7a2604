using Kiosk.Protocols.Readers;

namespace Kiosk.Devices.Rfid;

/// <summary>One tag one inventory saw.</summary>
/// <param name="Uid">The tag's UID.</param>
/// <param name="Dsfid">The tag's DSFID register, which hints at its data model (0x06 is common for ISO 28560-2).</param>
/// <param name="Antenna">The antenna that saw it.</param>
public sealed record RfidInventoryEntry(TransponderUid Uid, byte Dsfid, int Antenna);
