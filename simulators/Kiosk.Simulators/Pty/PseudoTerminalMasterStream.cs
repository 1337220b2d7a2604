using System.Runtime.InteropServices;
using static Kiosk.Simulators.Pty.PseudoTerminalNative;

namespace Kiosk.Simulators.Pty;

/// <summary>
/// The master side of a pty as a <see cref="Stream"/>. Not a FileStream: close(2) does not wake a thread blocked in
/// read(2) on Linux, so a FileStream read pending when the simulator unplugs would hold a thread and the descriptor
/// for ever. Reads instead wait in poll(2) on the master and on a wake pipe that disposal and cancellation write to.
/// One reader and one writer at a time. Asynchronous reads wait on the stream's own thread, not on a pool thread: a
/// process hosting several simulators (the default run has four ptys) would otherwise hold as many pool threads in
/// poll(2) for good, and on a 2-core machine the pool grows only about one thread a second past its minimum of two, so
/// every other task in the process stalls while it does.
/// </summary>
internal sealed unsafe class PseudoTerminalMasterStream : Stream
{
    // A plain object, not System.Threading.Lock: disposal waits on it with Monitor.Wait.
    private readonly object _gate = new();
    private readonly int _master;
    private readonly int _wakeRead;
    private readonly int _wakeWrite;
    private readonly SemaphoreSlim _readRequested = new(0);
    private Thread? _readerThread;
    private PendingRead? _pendingRead;
    private int _activeOperations;
    private volatile bool _disposed;
    private bool _descriptorsClosed;

    public PseudoTerminalMasterStream(int master)
    {
        var pipe = stackalloc int[2];
        if (CreatePipe(pipe, NonBlockingCloseOnExec) != 0)
        {
            throw new IOException($"pipe2 failed for the pty wake pipe (errno {Marshal.GetLastPInvokeError()}).");
        }

        _master = master;
        _wakeRead = pipe[0];
        _wakeWrite = pipe[1];
    }

    public override bool CanRead => !_disposed;

    public override bool CanWrite => !_disposed;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => ReadCore(buffer, CancellationToken.None);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed, this);

        // The blocking poll runs on the stream's reader thread; cancellation and disposal wake it through the pipe.
        var read = new PendingRead(buffer, cancellationToken);
        lock (_gate)
        {
            if (_pendingRead is not null)
            {
                throw new InvalidOperationException("The pty master allows one read at a time.");
            }

            _pendingRead = read;
            _readerThread ??= StartReaderThread();
        }

        _readRequested.Release();
        if (_disposed)
        {
            // Disposal may have raced the hand-over; the reader thread fails what it finds, this covers what it missed.
            read.Done.TrySetException(new ObjectDisposedException(GetType().Name));
        }

        return new ValueTask<int>(read.Done.Task);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        EnterOperation();
        try
        {
            fixed (byte* start = buffer)
            {
                var written = 0;
                while (written < buffer.Length)
                {
                    var result = PseudoTerminalNative.Write(_master, start + written, (nuint)(buffer.Length - written));
                    if (result < 0)
                    {
                        var error = Marshal.GetLastPInvokeError();
                        if (error == InterruptedCall)
                        {
                            continue;
                        }

                        throw new IOException($"Writing to the pty master failed (errno {error}).");
                    }

                    written += (int)result;
                }
            }
        }
        finally
        {
            ExitOperation();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // A pty accepts about 4 KiB before write(2) blocks (n_tty's buffer); simulator writes are far smaller, so the
        // write is done in place rather than on a pool thread.
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
        // Bytes written to the master are in the slave's input queue already; there is nothing to flush.
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            WakeUnderLock();
            while (_activeOperations > 0)
            {
                // The wake byte ends any poll within microseconds; this waits for that reader to leave before its
                // descriptors are closed and their numbers reused.
                Monitor.Wait(_gate);
            }

            _ = PseudoTerminalNative.Close(_master);
            _ = PseudoTerminalNative.Close(_wakeRead);
            _ = PseudoTerminalNative.Close(_wakeWrite);
            _descriptorsClosed = true;
            if (_readerThread is null)
            {
                _readRequested.Dispose();
            }
        }

        // Lets the reader thread see the disposal and end (it disposes the semaphore on its way out).
        if (_readerThread is not null)
        {
            try
            {
                _readRequested.Release();
            }
            catch (ObjectDisposedException)
            {
                // A read that raced the disposal woke the thread already, and it has ended.
            }
        }

        base.Dispose(disposing);
    }

    private Thread StartReaderThread()
    {
        var thread = new Thread(ReadLoop) { IsBackground = true, Name = "pty master reader" };
        thread.Start();
        return thread;
    }

    private void ReadLoop()
    {
        while (true)
        {
            _readRequested.Wait();
            PendingRead? read;
            lock (_gate)
            {
                read = _pendingRead;
                _pendingRead = null;
            }

            if (read is not null)
            {
                try
                {
                    read.Done.TrySetResult(ReadCore(read.Buffer.Span, read.CancellationToken));
                }
                catch (OperationCanceledException ex) when (read.CancellationToken.IsCancellationRequested)
                {
                    read.Done.TrySetCanceled(ex.CancellationToken);
                }
#pragma warning disable CA1031 // Every failure belongs to the reader awaiting this read.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    read.Done.TrySetException(ex);
                }
            }

            if (_disposed)
            {
                _readRequested.Dispose();
                return;
            }
        }
    }

    private int ReadCore(Span<byte> buffer, CancellationToken cancellationToken)
    {
        EnterOperation();
        try
        {
            using var registration = cancellationToken.UnsafeRegister(static state => ((PseudoTerminalMasterStream)state!).Wake(), this);
            var descriptors = stackalloc PollDescriptor[2];
            while (true)
            {
                descriptors[0] = new PollDescriptor { Descriptor = _master, RequestedEvents = PollIn };
                descriptors[1] = new PollDescriptor { Descriptor = _wakeRead, RequestedEvents = PollIn };

                // -1: no timeout; disposal and cancellation wake the poll through the pipe.
                if (Poll(descriptors, 2, -1) < 0)
                {
                    var error = Marshal.GetLastPInvokeError();
                    if (error == InterruptedCall)
                    {
                        continue;
                    }

                    throw new IOException($"poll on the pty master failed (errno {error}).");
                }

                if (descriptors[1].ReturnedEvents != 0)
                {
                    ObjectDisposedException.ThrowIf(_disposed, this);
                    DrainWakePipe();
                    cancellationToken.ThrowIfCancellationRequested();
                    continue;
                }

                if ((descriptors[0].ReturnedEvents & (PollIn | PollHangUp | PollError)) == 0)
                {
                    continue;
                }

                fixed (byte* start = buffer)
                {
                    var count = PseudoTerminalNative.Read(_master, start, (nuint)buffer.Length);
                    if (count >= 0)
                    {
                        return (int)count;
                    }

                    var error = Marshal.GetLastPInvokeError();
                    if (error is InterruptedCall or TryAgain)
                    {
                        continue;
                    }

                    // pty(7): EIO on the master means no slave descriptor is open. PseudoTerminal keeps one open, so
                    // this only happens while it is being disposed; report the end of the stream.
                    if (error == InputOutputError)
                    {
                        return 0;
                    }

                    throw new IOException($"Reading the pty master failed (errno {error}).");
                }
            }
        }
        finally
        {
            ExitOperation();
        }
    }

    private void EnterOperation()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _activeOperations++;
        }
    }

    private void ExitOperation()
    {
        lock (_gate)
        {
            _activeOperations--;
            Monitor.PulseAll(_gate);
        }
    }

    private void Wake()
    {
        lock (_gate)
        {
            WakeUnderLock();
        }
    }

    private void WakeUnderLock()
    {
        if (_descriptorsClosed)
        {
            return;
        }

        byte signal = 1;

        // The pipe is non-blocking: when it is already full, a wake is pending anyway.
        _ = PseudoTerminalNative.Write(_wakeWrite, &signal, 1);
    }

    private void DrainWakePipe()
    {
        var sink = stackalloc byte[64];
        while (PseudoTerminalNative.Read(_wakeRead, sink, 64) > 0)
        {
        }
    }
}
