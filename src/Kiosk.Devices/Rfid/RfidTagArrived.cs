using Kiosk.Protocols.Readers;

namespace Kiosk.Devices.Rfid;

/// <summary>A tag came into an antenna's field (debounced by <see cref="TagPresenceTracker"/>).</summary>
/// <param name="ReaderName">The reader.</param>
/// <param name="Antenna">The antenna, numbered as the profile numbers them.</param>
/// <param name="Uid">The tag.</param>
/// <param name="At">When the arrival was decided.</param>
public sealed record RfidTagArrived(string ReaderName, int Antenna, TransponderUid Uid, DateTimeOffset At) : RfidReaderEvent(ReaderName, At);
