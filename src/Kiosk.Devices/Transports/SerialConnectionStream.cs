namespace Kiosk.Devices.Transports;

/// <summary>
/// The stream a driver sees: the port's stream, except that an I/O error, an end of stream or a write that does not
/// finish in time ends the whole connection (once) and is rethrown as <see cref="SerialTransportException"/>.
/// </summary>
internal sealed class SerialConnectionStream(SerialConnection connection, Stream inner, TimeSpan writeTimeout, TimeProvider timeProvider) : Stream
{
    public override bool CanRead => connection.IsOpen;

    public override bool CanWrite => connection.IsOpen;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        connection.ThrowIfDisconnected();
        int count;
        try
        {
            count = inner.Read(buffer);
        }
        catch (TimeoutException) when (connection.IsOpen)
        {
            // No byte within ReadTimeout is normal on a quiet line; only a fault ends the connection.
            throw;
        }
        catch (Exception ex) when (IsFault(ex))
        {
            throw connection.Fault(ex, "read");
        }

        return CheckCount(count, buffer.Length);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        connection.ThrowIfDisconnected();
        int count;
        try
        {
            count = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (IsFault(ex))
        {
            throw connection.Fault(ex, "read");
        }

        return CheckCount(count, buffer.Length);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        connection.ThrowIfDisconnected();
        try
        {
            inner.Write(buffer);
        }
        catch (Exception ex) when (IsFault(ex) || ex is TimeoutException)
        {
            throw connection.Fault(ex, "write");
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        connection.ThrowIfDisconnected();

        // SerialStream.WriteAsync ignores WriteTimeout (only the synchronous Write honours it), and a write to a port
        // whose I/O loop has stopped never completes; the timeout is applied here.
        using var timeout = new CancellationTokenSource(writeTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await inner.WriteAsync(buffer, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested)
        {
            throw connection.Fault(new TimeoutException($"The write did not finish within {writeTimeout} (WriteTimeout).", ex), "write");
        }
        catch (Exception ex) when (IsFault(ex) || ex is TimeoutException)
        {
            throw connection.Fault(ex, "write");
        }
    }

    public override void Flush()
    {
        connection.ThrowIfDisconnected();
        try
        {
            inner.Flush();
        }
        catch (Exception ex) when (IsFault(ex))
        {
            throw connection.Fault(ex, "flush");
        }
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private static bool IsFault(Exception ex) =>
        ex is IOException or ObjectDisposedException or InvalidOperationException or UnauthorizedAccessException;

    private int CheckCount(int count, int requested)
    {
        // A serial port never ends; zero bytes for a non-empty buffer means the other side hung up.
        if (count == 0 && requested > 0)
        {
            throw connection.Fault(null, "read (end of stream)");
        }

        return count;
    }
}
