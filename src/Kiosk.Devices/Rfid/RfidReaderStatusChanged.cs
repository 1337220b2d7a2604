namespace Kiosk.Devices.Rfid;

/// <summary>The reader connected, was lost, failed its polls, or answers again.</summary>
/// <param name="ReaderName">The reader.</param>
/// <param name="PortName">Its port.</param>
/// <param name="Status">The new status.</param>
/// <param name="Reason">Why, in words a technician can act on.</param>
/// <param name="RetryIn">When disconnected, the wait before the next attempt to open the port.</param>
/// <param name="At">When it was noticed.</param>
public sealed record RfidReaderStatusChanged(string ReaderName, string PortName, RfidReaderStatus Status, string Reason, TimeSpan? RetryIn, DateTimeOffset At)
    : RfidReaderEvent(ReaderName, At);
