namespace Kiosk.Devices.Printers;

/// <summary>One open session with a printer: bytes only. Disposed when it faults or times out, and a new one opened.</summary>
public interface IPrinterConnection : IAsyncDisposable
{
    /// <summary>The bytes to the printer and, where the transport has a back channel, from it.</summary>
    Stream Stream { get; }
}
