namespace Kiosk.Devices.Rfid;

/// <summary>A tag memory read shared by the consumers of one <see cref="RfidReaderService"/>, and when it began.</summary>
internal sealed record CachedTagRead(Lazy<Task<RfidTagMemory>> Read, DateTimeOffset Started);
