using System.Threading.Channels;
using Kiosk.Devices.Transports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kiosk.Devices.Barcode;

/// <summary>
/// Driver for a serial barcode scanner: the scanner sends each code as ASCII text, optionally after a prefix, and
/// ends it with a suffix or with silence. Codes, rejected lines and link changes come out, in order, through
/// <see cref="Events"/>; a vanished port is reopened by a <see cref="SerialPortSupervisor"/>.
/// </summary>
/// <remarks>
/// <see cref="Events"/> holds the latest 256 events: a consumer that stops reading loses the oldest ones rather than
/// stalling the port. It has a single reader.
/// </remarks>
public sealed class BarcodeScanner : IAsyncDisposable
{
    // A person scans at most a few codes per second; 256 is minutes of backlog.
    private const int EventCapacity = 256;

    // Read size: a code and its suffix fit many times over.
    private const int ReadBufferSize = 256;

    private readonly ISerialTransport _transport;
    private readonly BarcodeScannerOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SerialPortSupervisor _supervisor;
    private readonly Channel<BarcodeScannerEvent> _events = Channel.CreateBounded<BarcodeScannerEvent>(
        new BoundedChannelOptions(EventCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private CancellationTokenSource? _stopping;
    private Task? _running;

    /// <summary>Creates the driver; nothing is opened until <see cref="StartAsync"/>.</summary>
    /// <param name="transport">The scanner's port, named at the composition root.</param>
    /// <param name="options">Framing, validation and reconnect settings.</param>
    /// <param name="timeProvider">Times the inter-character gap and the reconnect backoff.</param>
    /// <param name="logger">Where rejections and link changes are logged (codes only by length).</param>
    /// <exception cref="ArgumentException">The options are invalid; the message names each setting and its fix.</exception>
    public BarcodeScanner(ISerialTransport transport, BarcodeScannerOptions options, TimeProvider timeProvider, ILogger<BarcodeScanner>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ThrowIfInvalid(options);
        _transport = transport;
        _options = options;
        _timeProvider = timeProvider;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _supervisor = new SerialPortSupervisor(transport, options.Reconnect, timeProvider, _logger);
        _supervisor.StatusChanged += OnLinkStatusChanged;
    }

    /// <summary>Scans, rejections and link changes, in order.</summary>
    public ChannelReader<BarcodeScannerEvent> Events => _events.Reader;

    /// <summary>The state of the scanner's port.</summary>
    public SerialLinkState LinkState => _supervisor.State;

    /// <summary>Starts reading in the background; returns at once.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_running is not null)
        {
            throw new InvalidOperationException("The barcode scanner is already started.");
        }

        _stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _running = _supervisor.RunAsync(ReadSessionAsync, _stopping.Token);
        return Task.CompletedTask;
    }

    /// <summary>Stops reading, closes the port and completes <see cref="Events"/>.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_stopping is null || _running is null)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _running.WaitAsync(cancellationToken).ConfigureAwait(false);
        _events.Writer.TryComplete();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping?.Dispose();
    }

    private static void ThrowIfInvalid(BarcodeScannerOptions options)
    {
        var failures = new List<string>();
        foreach (var result in new IValidateOptions<BarcodeScannerOptions>[] { new BarcodeScannerOptionsValidator(), new BarcodeScannerOptionsConsistencyValidator() }
                     .Select(validator => validator.Validate(Microsoft.Extensions.Options.Options.DefaultName, options)))
        {
            if (result.Failed)
            {
                failures.AddRange(result.Failures);
            }
        }

        if (failures.Count > 0)
        {
            throw new ArgumentException("Barcode scanner settings are invalid: " + string.Join(" ", failures), nameof(options));
        }
    }

    private async Task ReadSessionAsync(ISerialConnection connection, CancellationToken cancellationToken)
    {
        var decoder = new BarcodeLineDecoder(_options);
        var buffer = new byte[ReadBufferSize];
        var output = new List<BarcodeScannerEvent>();
        Task<int>? read = null;
        try
        {
            while (true)
            {
                // One read stays pending across gap checks: cancelling a serial read could lose the bytes it took.
                read ??= connection.Stream.ReadAsync(buffer, cancellationToken).AsTask();
                if (decoder.HasPending && !read.IsCompleted)
                {
                    using var gapCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    var gap = Task.Delay(_options.InterCharacterTimeout, _timeProvider, gapCancellation.Token);
                    if (await Task.WhenAny(read, gap).ConfigureAwait(false) == gap)
                    {
                        await gap.ConfigureAwait(false);
                        decoder.EndOfGap(_timeProvider.GetUtcNow(), output);
                        Publish(output);
                        continue;
                    }

                    await gapCancellation.CancelAsync().ConfigureAwait(false);
                }

                var count = await read.ConfigureAwait(false);
                read = null;
                decoder.Feed(buffer.AsSpan(0, count), _timeProvider.GetUtcNow(), output);
                Publish(output);
            }
        }
        finally
        {
            // A read still pending when the session ends fails once the connection closes; observe it so it is not
            // reported as an unobserved task exception.
            _ = read?.ContinueWith(static task => _ = task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    private void Publish(List<BarcodeScannerEvent> output)
    {
        foreach (var item in output)
        {
            switch (item)
            {
                case BarcodeScanned scanned:
                    Log.Scanned(_logger, _transport.PortName, scanned.Code.Length);
                    break;
                case BarcodeRejected rejected:
                    Log.Rejected(_logger, _transport.PortName, rejected.Reason, rejected.Detail);
                    break;
            }

            _events.Writer.TryWrite(item);
        }

        output.Clear();
    }

    private void OnLinkStatusChanged(object? sender, SerialLinkStatusChangedEventArgs change)
    {
        // Only records the change; the supervisor's loop does the reconnecting.
        var now = _timeProvider.GetUtcNow();
        BarcodeScannerEvent? item = change.State switch
        {
            SerialLinkState.Connected => new BarcodeScannerConnected(change.PortName, now),
            SerialLinkState.Disconnected => new BarcodeScannerDisconnected(change.PortName, change.Reason, change.RetryIn ?? TimeSpan.Zero, now),
            _ => null,
        };
        if (item is not null)
        {
            _events.Writer.TryWrite(item);
        }
    }
}
