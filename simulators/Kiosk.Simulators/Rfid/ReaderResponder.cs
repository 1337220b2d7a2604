using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiosk.Simulators.Rfid;

/// <summary>
/// The reader side of a serial RFID protocol over any <see cref="Stream"/>: it decodes the host's requests, acts on the
/// <see cref="RfidField"/>, and answers byte for byte as the real reader does, each reply delayed on the injected
/// <see cref="TimeProvider"/> by the modelled radio time plus the serial time of request and reply. The protocols are
/// subclasses; the transport (a pty, a pipe) is whatever stream <see cref="RunAsync"/> gets.
/// </summary>
public abstract class ReaderResponder
{
    private readonly TimeProvider _timeProvider;
    private long _pendingDelayTicks = -1;
    private long _repliesSent;
    private long _requestsIgnored;

    private protected ReaderResponder(RfidField field, int baudRate, int bitsPerCharacter, TimeProvider? timeProvider, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentOutOfRangeException.ThrowIfLessThan(baudRate, 50);
        ArgumentOutOfRangeException.ThrowIfLessThan(bitsPerCharacter, 7);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bitsPerCharacter, 12);
        Field = field;
        BaudRate = baudRate;
        BitsPerCharacter = bitsPerCharacter;
        _timeProvider = timeProvider ?? TimeProvider.System;
        Logger = logger ?? NullLogger.Instance;
        Faults = new ReaderFaults(_timeProvider);
    }

    /// <summary>The tags in front of the reader's antennas.</summary>
    public RfidField Field { get; }

    /// <summary>Faults to inject, switchable while the responder runs.</summary>
    public ReaderFaults Faults { get; }

    /// <summary>The radio and serial time modelled so far.</summary>
    public ReaderTimeFloor Floor { get; } = new();

    /// <summary>The line speed the serial time is computed from.</summary>
    public int BaudRate { get; }

    /// <summary>Bits on the wire per byte: start + data + parity + stop (8E1 is 11, 8N1 is 10).</summary>
    public int BitsPerCharacter { get; }

    /// <summary>How many replies have been written.</summary>
    public long RepliesSent => Interlocked.Read(ref _repliesSent);

    /// <summary>How many requests or stretches of bytes were dropped without a reply (garbage, a bad CRC, another bus address, a reset).</summary>
    public long RequestsIgnored => Interlocked.Read(ref _requestsIgnored);

    /// <summary>The delay of the reply being held back now (radio + serial time), or null when none is; tests advance a fake clock by it.</summary>
    public TimeSpan? PendingReplyDelay => Interlocked.Read(ref _pendingDelayTicks) is var ticks and >= 0 ? TimeSpan.FromTicks(ticks) : null;

    /// <summary>The reader's name in logs, such as "FEIG".</summary>
    public abstract string ReaderName { get; }

    private protected ILogger Logger { get; }

    private protected TimeProvider TimeProvider => _timeProvider;

    /// <summary>How long <paramref name="bytes"/> bytes take on the line: bytes × bits per character ÷ baud.</summary>
    public TimeSpan WireTime(int bytes) => TimeSpan.FromTicks(bytes * (long)BitsPerCharacter * TimeSpan.TicksPerSecond / BaudRate);

    /// <summary>
    /// Answers requests read from <paramref name="stream"/> until it ends, fails (the port vanished) or
    /// <paramref name="cancellationToken"/> is cancelled. Never throws on what the host sends.
    /// </summary>
    public async Task RunAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ResetDecoder();
        var buffer = new byte[1024];
        while (!cancellationToken.IsCancellationRequested)
        {
            int read;
            try
            {
                read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException)
            {
                return;
            }

            if (read == 0)
            {
                return;
            }

            if (Faults.IsResetting)
            {
                ResetDecoder();
                Interlocked.Increment(ref _requestsIgnored);
                Log.DroppedWhileResetting(Logger, ReaderName, read);
                continue;
            }

            Feed(buffer.AsSpan(0, read));
            if (!await AnswerDecodedAsync(stream, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    /// <summary>Adds bytes from the host to the request decoder.</summary>
    private protected abstract void Feed(ReadOnlySpan<byte> bytes);

    /// <summary>Takes the next decoded request and decides the reply; false when nothing more is decoded.</summary>
    private protected abstract bool TryAnswerNext(out ReaderReply reply);

    /// <summary>Forgets partial requests, as after a reset or a new connection.</summary>
    private protected abstract void ResetDecoder();

    private protected void NoteFault(ReaderFault fault) => Log.FaultInjected(Logger, ReaderName, fault.ToString());

    private async Task<bool> AnswerDecodedAsync(Stream stream, CancellationToken cancellationToken)
    {
        while (true)
        {
            ReaderReply reply;
            try
            {
                if (!TryAnswerNext(out reply))
                {
                    return true;
                }
            }
#pragma warning disable CA1031 // A bug in the simulator must not take the line down; it is logged and the host sees a timeout.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.ResponderFailed(Logger, ReaderName, ex);
                Interlocked.Increment(ref _requestsIgnored);
                continue;
            }

            if (reply.Bytes is null)
            {
                Interlocked.Increment(ref _requestsIgnored);
                Log.Ignored(Logger, ReaderName, reply.Description);
                continue;
            }

            Log.Exchanged(Logger, ReaderName, reply.Description);
            var serial = WireTime(reply.RequestLength + reply.Bytes.Length);
            Floor.Add(reply.Radio, serial);
            var delay = reply.Radio + serial;
            try
            {
                // The timer is registered before the delay is published, so a test that advances a fake clock by it
                // never advances too early.
                var wait = Task.Delay(delay, _timeProvider, cancellationToken);
                Interlocked.Exchange(ref _pendingDelayTicks, delay.Ticks);
                await wait.ConfigureAwait(false);

                // Cleared before the reply goes out, so whoever reads the reply never sees this delay as still pending.
                Interlocked.Exchange(ref _pendingDelayTicks, -1);
                if (Faults.IsResetting)
                {
                    // The reset came while the command ran: the reader never answers it.
                    Interlocked.Increment(ref _requestsIgnored);
                    continue;
                }

                if (Faults.TryTake(ReaderFault.GarbageBeforeReply))
                {
                    NoteFault(ReaderFault.GarbageBeforeReply);
                    await stream.WriteAsync(Faults.Garbage, cancellationToken).ConfigureAwait(false);
                }

                await stream.WriteAsync(reply.Bytes, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref _repliesSent);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException)
            {
                return false;
            }
            finally
            {
                Interlocked.Exchange(ref _pendingDelayTicks, -1);
            }
        }
    }
}
