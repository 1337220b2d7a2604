using System.IO.Pipelines;

namespace Kiosk.Simulators.Tests.Rfid;

/// <summary>One end of an in-memory serial line: reads what the other end wrote, and the other way round.</summary>
internal sealed class DuplexStream(Stream input, Stream output) : Stream
{
    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Two connected ends, like the two sides of a null-modem cable.</summary>
    public static (DuplexStream Host, DuplexStream Reader) CreatePair()
    {
        var toReader = new Pipe();
        var toHost = new Pipe();
        return (
            new DuplexStream(toHost.Reader.AsStream(), toReader.Writer.AsStream()),
            new DuplexStream(toReader.Reader.AsStream(), toHost.Writer.AsStream()));
    }

    public override int Read(byte[] buffer, int offset, int count) => input.Read(buffer, offset, count);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => input.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => input.ReadAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => output.Write(buffer, offset, count);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => output.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => output.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Flush() => output.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => output.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Ending our output is what the other end sees as end of stream.
            output.Dispose();
            input.Dispose();
        }

        base.Dispose(disposing);
    }
}
