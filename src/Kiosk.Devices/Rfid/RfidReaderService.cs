using System.Collections.Concurrent;
using System.Threading.Channels;
using Kiosk.Devices.Transports;
using Kiosk.Protocols.Readers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiosk.Devices.Rfid;

/// <summary>
/// Runs one reader: keeps its port open under a <see cref="SerialPortSupervisor"/> (a vanished port is reported and
/// reopened when it returns, from the supervisor's loop), makes a driver for each connection, inventories each antenna
/// every <see cref="RfidReaderProfile.PollInterval"/>, and turns what it sees into tag-arrived and tag-left events through
/// <see cref="TagPresenceTracker"/>. Events come out, in order, through <see cref="Events"/>.
/// </summary>
/// <remarks>
/// <para>The service is itself an <see cref="IRfidReader"/>: reads, writes and security switches go to the connected
/// driver, between polls (the driver serialises commands). While the port is away they fail at once with
/// <see cref="RfidReaderFailureKind.PortUnavailable"/>, and <see cref="SetSecurityAsync"/> reports "not verified".</para>
/// <para>When the connection is lost, every present tag is reported as left (<see cref="RfidTagLeft.ReaderLost"/>),
/// then the disconnection. A poll that fails while the port stays open (a timeout, a garbled reply) reports
/// <see cref="RfidReaderStatus.Faulted"/> once and keeps the tags as they were: a reader that cannot see is not a pad
/// that went empty.</para>
/// <para><see cref="Events"/> holds the latest 1024 events: a consumer that stops reading loses the oldest rather than
/// stalling the polls. It has a single reader.</para>
/// </remarks>
public sealed class RfidReaderService : IRfidReader
{
    // A stack of books on a pad produces tens of events; 1024 is minutes of backlog.
    private const int EventCapacity = 1024;

    private readonly RfidReaderProfile _profile;
    private readonly ISerialTransport _transport;
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly SerialPortSupervisor _supervisor;
    private readonly TagPresenceTracker _tracker;
    private readonly Channel<RfidReaderEvent> _events = Channel.CreateBounded<RfidReaderEvent>(
        new BoundedChannelOptions(EventCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private IRfidReader? _reader;

    private string _lastLinkReason = "the service has not been started";
    private CancellationTokenSource? _stopping;
    private Task? _running;

    /// <summary>Creates the service; nothing is opened until <see cref="StartAsync"/>.</summary>
    /// <param name="profile">The reader's profile (from <see cref="RfidReaderProfileLoader"/>).</param>
    /// <param name="transport">The reader's port, named at the composition root.</param>
    /// <param name="presence">How arrivals and departures are debounced; defaults when null.</param>
    /// <param name="reconnect">How a lost port is retried; defaults when null.</param>
    /// <param name="timeProvider">Times polls, debouncing, reconnects and the driver's reply timeouts.</param>
    /// <param name="loggerFactory">Makes the service's and drivers' loggers.</param>
    public RfidReaderService(
        RfidReaderProfile profile,
        ISerialTransport transport,
        TagPresenceOptions? presence,
        SerialSupervisorOptions? reconnect,
        TimeProvider timeProvider,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _profile = profile;
        _transport = transport;
        _timeProvider = timeProvider;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<RfidReaderService>();
        _tracker = new TagPresenceTracker(presence ?? new TagPresenceOptions(), timeProvider);
        _supervisor = new SerialPortSupervisor(transport, reconnect ?? new SerialSupervisorOptions(), timeProvider, _logger);
        _supervisor.StatusChanged += OnLinkStatusChanged;
        Antennas = [.. profile.Antennas];
    }

    /// <inheritdoc/>
    public string Name => _profile.Name;

    /// <inheritdoc/>
    public IReadOnlyList<int> Antennas { get; }

    /// <summary>The reader's profile.</summary>
    public RfidReaderProfile Profile => _profile;

    /// <summary>Tag arrivals and departures and status changes, in order.</summary>
    public ChannelReader<RfidReaderEvent> Events => _events.Reader;

    /// <summary>The state of the reader's port.</summary>
    public SerialLinkState LinkState => _supervisor.State;

    /// <summary>Starts polling in the background; returns at once.</summary>
    /// <exception cref="InvalidOperationException">The service is already started.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_running is not null)
        {
            throw new InvalidOperationException($"Reader service '{Name}' is already started.");
        }

        _stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _running = _supervisor.RunAsync(PollSessionAsync, _stopping.Token);
        return Task.CompletedTask;
    }

    /// <summary>Stops polling, closes the port and completes <see cref="Events"/>.</summary>
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

    /// <inheritdoc/>
    public Task<RfidTagBlocks> ReadBlocksAsync(TransponderUid uid, int firstBlock, int blockCount, CancellationToken cancellationToken = default) =>
        Connected().ReadBlocksAsync(uid, firstBlock, blockCount, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<RfidInventoryEntry>> InventoryAsync(int antenna, byte? afi = null, CancellationToken cancellationToken = default) =>
        Connected().InventoryAsync(antenna, afi, cancellationToken);

    /// <inheritdoc/>
    public Task<RfidTagMemory> ReadTagAsync(TransponderUid uid, CancellationToken cancellationToken = default) =>
        Connected().ReadTagAsync(uid, cancellationToken);

    /// <inheritdoc/>
    public Task WriteBlocksAsync(TransponderUid uid, int firstBlock, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) =>
        Connected().WriteBlocksAsync(uid, firstBlock, data, cancellationToken);

    /// <inheritdoc/>
    public async Task<RfidSecurityResult> SetSecurityAsync(TransponderUid uid, bool secured, CancellationToken cancellationToken = default)
    {
        IRfidReader reader;
        try
        {
            reader = Connected();
        }
        catch (RfidReaderException ex)
        {
            return new RfidSecurityResult(false, null, 0, ex.Message);
        }

        try
        {
            return await reader.SetSecurityAsync(uid, secured, cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The connection went away between taking the driver and using it.
            return new RfidSecurityResult(false, null, 0, $"Reader '{Name}' on {_transport.PortName} was disconnected during the switch; the tag was not verified.");
        }
    }

    private IRfidReader Connected() =>
        Volatile.Read(ref _reader) ?? throw new RfidReaderException(
            RfidReaderFailureKind.PortUnavailable,
            $"Reader '{Name}' on {_transport.PortName} is not connected ({_lastLinkReason}).");

    private async Task PollSessionAsync(ISerialConnection connection, CancellationToken cancellationToken)
    {
        var reader = RfidReaderFactory.Create(_profile, connection, _timeProvider, _loggerFactory);
        Volatile.Write(ref _reader, reader);
        byte? afi = _profile.PollSecuredOnly ? (byte)_profile.SecuredAfi : null;
        var faulted = false;
        try
        {
            while (true)
            {
                foreach (var antenna in Antennas)
                {
                    IReadOnlyList<RfidInventoryEntry> seen;
                    try
                    {
                        seen = await reader.InventoryAsync(antenna, afi, cancellationToken).ConfigureAwait(false);
                    }
                    catch (RfidReaderException ex) when (ex.Kind != RfidReaderFailureKind.PortUnavailable)
                    {
                        if (!faulted)
                        {
                            faulted = true;
                            Log.PollFailed(_logger, Name, ex.Kind, ex.Message);
                            Publish(new RfidReaderStatusChanged(Name, _transport.PortName, RfidReaderStatus.Faulted, ex.Message, null, _timeProvider.GetUtcNow()));
                        }

                        continue;
                    }

                    if (faulted)
                    {
                        faulted = false;
                        Log.PollRecovered(_logger, Name);
                        Publish(new RfidReaderStatusChanged(Name, _transport.PortName, RfidReaderStatus.Connected, "The reader answers its polls again.", null, _timeProvider.GetUtcNow()));
                    }

                    Publish(_tracker.Update(antenna, seen.Select(entry => entry.Uid).ToHashSet()), readerLost: false);
                }

                await Task.Delay(_profile.PollInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (RfidReaderException ex) when (ex.Kind == RfidReaderFailureKind.PortUnavailable)
        {
            // The connection's own fault: its Disconnected result carries the reason, which the supervisor reports.
        }
        finally
        {
            Volatile.Write(ref _reader, null);
            await reader.DisposeAsync().ConfigureAwait(false);
            var left = Antennas.SelectMany(_tracker.Clear).ToList();
            if (left.Count > 0)
            {
                Log.PresentTagsCleared(_logger, Name, left.Count);
                Publish(left, readerLost: true);
            }
        }
    }

    private void Publish(IReadOnlyList<TagPresenceChange> changes, bool readerLost)
    {
        foreach (var change in changes)
        {
            var arrived = change.Kind == TagPresenceChangeKind.Arrived;
            Log.PresenceChanged(_logger, Name, change.Uid, arrived ? "arrived at" : "left", change.Antenna);
            Publish(arrived
                ? new RfidTagArrived(Name, change.Antenna, change.Uid, change.At)
                : new RfidTagLeft(Name, change.Antenna, change.Uid, readerLost, change.At));
        }
    }

    private void Publish(RfidReaderEvent item) => _events.Writer.TryWrite(item);

    private void OnLinkStatusChanged(object? sender, SerialLinkStatusChangedEventArgs change)
    {
        // Only records the change; the supervisor's loop does the reconnecting.
        _lastLinkReason = change.Reason;
        var status = change.State switch
        {
            SerialLinkState.Connected => RfidReaderStatus.Connected,
            SerialLinkState.Disconnected => RfidReaderStatus.Disconnected,
            _ => (RfidReaderStatus?)null,
        };
        if (status is { } value)
        {
            Publish(new RfidReaderStatusChanged(Name, change.PortName, value, change.Reason, change.RetryIn, _timeProvider.GetUtcNow()));
        }
    }
}
