using Kiosk.Protocols.Readers;

namespace Kiosk.Devices.Rfid;

/// <summary>
/// A tag left an antenna's field: unseen for the departure grace, or the reader went away (then every present tag is
/// reported as left, since nothing can be known about it).
/// </summary>
/// <param name="ReaderName">The reader.</param>
/// <param name="Antenna">The antenna.</param>
/// <param name="Uid">The tag.</param>
/// <param name="ReaderLost">True when the tag is reported as left because the reader's port went away.</param>
/// <param name="At">When the departure was decided.</param>
public sealed record RfidTagLeft(string ReaderName, int Antenna, TransponderUid Uid, bool ReaderLost, DateTimeOffset At) : RfidReaderEvent(ReaderName, At);
