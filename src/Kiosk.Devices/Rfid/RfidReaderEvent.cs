namespace Kiosk.Devices.Rfid;

/// <summary>Something a <see cref="RfidReaderService"/> reports, in the order it happened: a tag arrived or left, or the reader's status changed.</summary>
/// <param name="ReaderName">The reader's profile name.</param>
/// <param name="At">When the service observed it, on its <see cref="TimeProvider"/>.</param>
public abstract record RfidReaderEvent(string ReaderName, DateTimeOffset At);
