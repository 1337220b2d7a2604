namespace Kiosk.Devices.Printers;

/// <summary>
/// A USB printer through the kernel's printer class driver (/dev/usb/lp0). Written as a file: the usblp driver does
/// offer reads, but many printers send nothing back on it, so this transport does not ask for status and reports it as
/// unavailable rather than guessing.
/// </summary>
public sealed class DeviceFilePrinterTransport(string path) : IPrinterTransport
{
    private readonly string _path = string.IsNullOrWhiteSpace(path) ? throw new ArgumentException("Give the device path, such as /dev/usb/lp0.", nameof(path)) : path;

    /// <inheritdoc/>
    public string Description => _path;

    /// <inheritdoc/>
    public bool ReportsStatus => false;

    /// <inheritdoc/>
    public ValueTask<IPrinterConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var stream = new FileStream(_path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0, FileOptions.Asynchronous);
            return ValueTask.FromResult<IPrinterConnection>(new StreamPrinterConnection(stream));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Printer device {_path} could not be opened ({ex.Message}); check that the printer is plugged in and the kiosk user is in the 'lp' group.", ex);
        }
    }
}
