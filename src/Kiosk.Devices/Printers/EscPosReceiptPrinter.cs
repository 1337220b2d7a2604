using System.Globalization;
using System.Net.Sockets;
using System.Threading.Channels;
using Kiosk.Devices.Transports;
using Kiosk.Protocols.Printing.EscPos;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kiosk.Devices.Printers;

/// <summary>
/// An ESC/POS receipt printer on any <see cref="IPrinterTransport"/>. Jobs and status requests share one line, one at a
/// time; every wait is bounded by <see cref="ReceiptPrinterOptions"/>, and a connection that times out is dropped and
/// opened again on next use (a late answer must not be read as the answer to the next question).
/// </summary>
public sealed class EscPosReceiptPrinter : IReceiptPrinter, IAsyncDisposable
{
    private static readonly RealTimeStatusKind[] StatusKinds =
        [RealTimeStatusKind.Printer, RealTimeStatusKind.OfflineCause, RealTimeStatusKind.ErrorCause, RealTimeStatusKind.RollPaper];

    private readonly IPrinterTransport _transport;
    private readonly ReceiptPrinterOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _line = new(1, 1);
    private readonly Lock _statusLock = new();
    private readonly Channel<PrinterStatus> _changes = Channel.CreateBounded<PrinterStatus>(
        new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest });

    private IPrinterConnection? _connection;
    private PrinterStatus _lastStatus = PrinterStatus.Unavailable("not asked yet");

    /// <summary>Creates the driver over <paramref name="transport"/>; nothing is opened until first use.</summary>
    /// <exception cref="ArgumentException">The options are out of range.</exception>
    public EscPosReceiptPrinter(IPrinterTransport transport, ReceiptPrinterOptions? options = null, TimeProvider? timeProvider = null, ILogger<EscPosReceiptPrinter>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        options ??= new ReceiptPrinterOptions();
        var result = new ReceiptPrinterOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new ArgumentException("Receipt printer settings are invalid: " + result.FailureMessage, nameof(options));
        }

        _transport = transport;
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <inheritdoc/>
    public string Description => _transport.Description;

    /// <inheritdoc/>
    public PrinterStatus LastStatus
    {
        get
        {
            lock (_statusLock)
            {
                return _lastStatus;
            }
        }
    }

    /// <inheritdoc/>
    public ChannelReader<PrinterStatus> StatusChanges => _changes.Reader;

    /// <inheritdoc/>
    public async Task<PrinterStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        await _line.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var status = await QueryStatusAsync(cancellationToken).ConfigureAwait(false);
            Publish(status);
            return status;
        }
        finally
        {
            _line.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<PrintResult> PrintAsync(ReadOnlyMemory<byte> job, CancellationToken cancellationToken = default)
    {
        await _line.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await PrintLockedAsync(job, cancellationToken).ConfigureAwait(false);
            Publish(result.Status);
            if (result.Succeeded)
            {
                Log.Printed(_logger, Description, job.Length);
            }
            else
            {
                Log.PrintFailed(_logger, Description, job.Length, result.Code, result.Message ?? string.Empty);
            }

            return result;
        }
        finally
        {
            _line.Release();
        }
    }

    /// <summary>
    /// Asks for status every <see cref="ReceiptPrinterOptions.StatusPollInterval"/> until <paramref name="cancellationToken"/>
    /// is cancelled, publishing each change to <see cref="StatusChanges"/>. The host runs this from its own loop.
    /// </summary>
    public async Task MonitorAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await GetStatusAsync(cancellationToken).ConfigureAwait(false);
                await Task.Delay(_options.StatusPollInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is the normal end of the loop.
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await DropAsync().ConfigureAwait(false);
        _changes.Writer.TryComplete();
        _line.Dispose();
    }

    private async Task<PrintResult> PrintLockedAsync(ReadOnlyMemory<byte> job, CancellationToken cancellationToken)
    {
        var status = LastStatus;
        if (_options.CheckStatusBeforePrinting && _transport.ReportsStatus)
        {
            status = await QueryStatusAsync(cancellationToken).ConfigureAwait(false);
            if (!status.CanPrint)
            {
                return Refused(status);
            }
        }

        try
        {
            var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await WithinAsync(
                async token =>
                {
                    await connection.Stream.WriteAsync(job, token).ConfigureAwait(false);
                    await connection.Stream.FlushAsync(token).ConfigureAwait(false);
                    return true;
                },
                _options.WriteTimeout,
                cancellationToken).ConfigureAwait(false);
            return new PrintResult { Code = PrintResultCode.Printed, Status = status };
        }
        catch (TimeoutException)
        {
            await DropAsync().ConfigureAwait(false);
            var message = string.Create(CultureInfo.InvariantCulture, $"Printer on {Description} took no more bytes for {_options.WriteTimeout.TotalSeconds:0.#} s; check paper and cover. The receipt can be printed later.");
            return new PrintResult { Code = PrintResultCode.TimedOut, Status = PrinterStatus.NotResponding(message), Message = message };
        }
        catch (Exception ex) when (IsLineFailure(ex))
        {
            await DropAsync().ConfigureAwait(false);
            var message = $"Printer on {Description} could not be reached: {ex.Message} The receipt can be printed later.";
            return new PrintResult { Code = PrintResultCode.Unreachable, Status = PrinterStatus.NotResponding(ex.Message), Message = message };
        }
    }

    private PrintResult Refused(PrinterStatus status)
    {
        var (code, problem) = status switch
        {
            { PaperEnd: true } => (PrintResultCode.PaperEnd, "is out of paper; load a new roll"),
            { CoverOpen: true } => (PrintResultCode.CoverOpen, "has its cover open; close it"),
            { IsNotResponding: true } => (PrintResultCode.Unreachable, "did not answer: " + status.Detail),
            _ => (PrintResultCode.Offline, "is offline or in error (" + status + "); check the printer"),
        };
        return new PrintResult { Code = code, Status = status, Message = $"Printer on {Description} {problem}. The receipt can be printed later." };
    }

    private async Task<PrinterStatus> QueryStatusAsync(CancellationToken cancellationToken)
    {
        if (!_transport.ReportsStatus)
        {
            return PrinterStatus.Unavailable($"{Description} is written as a device file, which gives no real-time status; paper and cover state cannot be read");
        }

        var answers = new byte[StatusKinds.Length];
        var kind = StatusKinds[0];
        try
        {
            var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            for (var index = 0; index < StatusKinds.Length; index++)
            {
                kind = StatusKinds[index];
                answers[index] = await WithinAsync(token => AskAsync(connection.Stream, kind, token), _options.StatusReplyTimeout, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (TimeoutException)
        {
            await DropAsync().ConfigureAwait(false);
            return PrinterStatus.NotResponding(string.Create(
                CultureInfo.InvariantCulture,
                $"printer on {Description} did not answer DLE EOT {(int)kind} within {_options.StatusReplyTimeout.TotalMilliseconds:0} ms; check that it is on and the line settings match its profile"));
        }
        catch (Exception ex) when (IsLineFailure(ex))
        {
            await DropAsync().ConfigureAwait(false);
            return PrinterStatus.NotResponding($"printer on {Description} could not be reached: {ex.Message}");
        }

        return PrinterStatusBytes.Interpret(answers[0], answers[1], answers[2], answers[3]);
    }

    private static async ValueTask<byte> AskAsync(Stream stream, RealTimeStatusKind kind, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(new RealTimeStatusRequestCommand(kind).ToBytes(), cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[1];
        while (true)
        {
            var count = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (count == 0)
            {
                throw new IOException("the connection was closed by the printer");
            }

            // Anything without the fixed bits is not a status byte (an automatic status block, line noise); skip it.
            if (PrinterStatusBytes.IsStatusByte(buffer[0]))
            {
                return buffer[0];
            }
        }
    }

    private async Task<T> WithinAsync<T>(Func<CancellationToken, ValueTask<T>> operation, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var task = operation(linked.Token).AsTask();
        try
        {
            // WaitAsync bounds the wait even where the stream ignores cancellation (a FileStream on /dev/usb/lp0 blocked in the kernel).
            return await task.WaitAsync(timeout, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            await linked.CancelAsync().ConfigureAwait(false);
            _ = task.ContinueWith(abandoned => _ = abandoned.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw;
        }
    }

    private async Task<IPrinterConnection> OpenAsync(CancellationToken cancellationToken) =>
        _connection ??= await _transport.OpenAsync(cancellationToken).ConfigureAwait(false);

    private async Task DropAsync()
    {
        var connection = _connection;
        _connection = null;
        if (connection is not null)
        {
            try
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (IsLineFailure(ex))
            {
                Log.ConnectionDropped(_logger, Description, ex.Message);
            }
        }
    }

    private void Publish(PrinterStatus status)
    {
        lock (_statusLock)
        {
            if (status == _lastStatus)
            {
                return;
            }

            _lastStatus = status;
        }

        Log.StatusChanged(_logger, Description, status);
        _changes.Writer.TryWrite(status);
    }

    private static bool IsLineFailure(Exception exception) =>
        exception is IOException or SerialTransportException or SocketException or ObjectDisposedException or UnauthorizedAccessException or InvalidOperationException;
}
