namespace Kiosk.Devices.Printers;

/// <summary>A connection over a stream, disposing the stream and whatever owns it (a serial connection, a socket).</summary>
internal sealed class StreamPrinterConnection(Stream stream, IAsyncDisposable? owner = null) : IPrinterConnection
{
    public Stream Stream { get; } = stream;

    public async ValueTask DisposeAsync()
    {
        await Stream.DisposeAsync().ConfigureAwait(false);
        if (owner is not null)
        {
            await owner.DisposeAsync().ConfigureAwait(false);
        }
    }
}
