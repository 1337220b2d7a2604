using System.Device.Gpio;
using System.Globalization;
using Kiosk.Devices.Rfid;
using Kiosk.Protocols.Readers;
using Kiosk.Protocols.Tags;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiosk.Devices.Gates;

/// <summary>
/// One exit gate: polls its reader's antennas for secured items and sounds the alarm on GPIO, tells passages and their
/// direction from the two beams and keeps the people counts. Events go out through the <see cref="GateEventHub"/>.
/// </summary>
/// <remarks>
/// <para><b>Alarm path.</b> A poll that sees a secured item switches the outputs at once (<see cref="GateAlarm"/>, no
/// wait), then publishes <see cref="GateAlarmRaised"/>. Nothing on that path touches the network or the ILS. The tag's
/// item id is read afterwards, one read per poll round, and published as <see cref="GateAlarmItemRead"/> once the
/// direction of the walker's passage is known too, or <see cref="GateOptions.AlarmDirectionWait"/> after the alarm
/// (the wait runs beside the polls, never in them); the ILS lookup of the title belongs to whoever subscribes
/// (Kiosk.Circulation's enricher).</para>
/// <para><b>Polling.</b> Rounds start every <see cref="RfidReaderProfile.PollInterval"/> (fixed rate: a round's own
/// duration is not added to the wait), each inventorying every antenna filtered by the site's secured AFI, or sending
/// the NXP EAS alarm where the profile's security mode is EAS.</para>
/// <para><b>Beams.</b> GPIO edge callbacks feed <see cref="GateBeamInput"/> (debounce, stuck beam) and then
/// <see cref="BeamPassageTracker"/> (order → direction). Counts are saved at each passage.</para>
/// </remarks>
public sealed class GateController : IAsyncDisposable
{
    /// <summary>
    /// How many blocks from block 0 the item id is first read from: 9 blocks of 4 bytes hold ISO 28560-3's 34-byte basic
    /// block (its CRC covers bytes 32–33 when the ISIL reaches them, as "VN-HN-TVHN" does), 3M's 32-byte layout, and
    /// ISO 28560-2's first data sets, the primary item id first, for the usual short ids. At 38400 baud that is about
    /// a third of an ICODE SLIX's 28 blocks, with no system information before it.
    /// </summary>
    internal const int ItemIdBlocks = 9;

    private readonly GateOptions _options;
    private readonly GatePinMap _pinMap;
    private readonly RfidReaderProfile _readerProfile;
    private readonly GpioController _gpio;
    private readonly GateEventHub _events;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly GateCountStore _store;
    private readonly BeamPassageTracker _tracker;
    private readonly Lock _passages = new();
    private readonly Lock _saving = new();
    private readonly List<(int Pin, PinChangeEventHandler Handler)> _callbacks = [];
    private readonly HashSet<Task> _publishing = [];
    private GateAlarm? _alarm;
    private GateBeamInput? _outer;
    private GateBeamInput? _inner;
    private ITimer? _publishTimer;
    private GatePassageCounts _counts = new(0, 0);
    private bool _readerFaulted;
    private long _pollRounds;

    /// <summary>Creates the gate; nothing is opened until <see cref="Open"/>.</summary>
    /// <param name="options">Times and the count file.</param>
    /// <param name="pinMap">The wiring, accepted by <see cref="GatePinMapLoader"/>.</param>
    /// <param name="readerProfile">The gate reader's profile: antennas, poll interval, secured AFI, security mode.</param>
    /// <param name="gpio">The GPIO controller, made at the composition root (a simulated driver in tests).</param>
    /// <param name="events">Where the gate's events go.</param>
    /// <param name="timeProvider">Times the alarm, debounce, stuck beams, polls and count publishing.</param>
    /// <param name="logger">The gate's logger.</param>
    public GateController(
        GateOptions options,
        GatePinMap pinMap,
        RfidReaderProfile readerProfile,
        GpioController gpio,
        GateEventHub events,
        TimeProvider timeProvider,
        ILogger<GateController>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pinMap);
        ArgumentNullException.ThrowIfNull(readerProfile);
        ArgumentNullException.ThrowIfNull(gpio);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options;
        _pinMap = pinMap;
        _readerProfile = readerProfile;
        _gpio = gpio;
        _events = events;
        _timeProvider = timeProvider;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _store = new GateCountStore(options.CountFile);
        _tracker = new BeamPassageTracker(options.PassageTimeout);
        Name = pinMap.Name ?? "gate";
    }

    /// <summary>The gate's name from its pin map.</summary>
    public string Name { get; }

    /// <summary>The people counts so far.</summary>
    public GatePassageCounts Counts
    {
        get { lock (_passages) { return _counts; } }
    }

    /// <summary>How many poll rounds (every antenna once) have finished; a health check sees the gate is looking.</summary>
    public long PollRounds => Interlocked.Read(ref _pollRounds);

    /// <summary>Whether the alarm outputs are on.</summary>
    public bool IsAlarmOn => _alarm?.IsOn ?? false;

    /// <summary>
    /// Opens the pins (outputs off), reads the beams' levels, registers their edge callbacks, loads the counts and starts
    /// publishing them.
    /// </summary>
    /// <exception cref="GatePinMapException">A pin does not exist on this controller or cannot take its mode; the message names it.</exception>
    /// <exception cref="InvalidDataException">The count file is damaged.</exception>
    public void Open()
    {
        if (_alarm is not null)
        {
            throw new InvalidOperationException($"Gate '{Name}' is already open.");
        }

        var problems = new List<string>();
        CheckPin("outerBeam", _pinMap.OuterBeam!, PinMode.Input, problems);
        CheckPin("innerBeam", _pinMap.InnerBeam!, PinMode.Input, problems);
        foreach (var (key, pin) in _pinMap.Outputs())
        {
            CheckPin(key, pin, PinMode.Output, problems);
        }

        if (problems.Count > 0)
        {
            throw new GatePinMapException(_options.PinMap.Length > 0 ? _options.PinMap : Name, problems);
        }

        _counts = _store.Load();
        var outputs = _pinMap.Outputs().Select(entry => new GateOutput(entry.Key, entry.Pin.Number, entry.Pin.ParsedPolarity)).ToList();
        foreach (var output in outputs)
        {
            _gpio.OpenPin(output.Pin, PinMode.Output, output.Level(on: false));
        }

        _alarm = new GateAlarm(_gpio, outputs, _options.AlarmDuration, _timeProvider);
        _outer = OpenBeam(GateBeam.Outer, _pinMap.OuterBeam!);
        _inner = OpenBeam(GateBeam.Inner, _pinMap.InnerBeam!);
        _publishTimer = _timeProvider.CreateTimer(_ => PublishCounts(), null, _options.CountPublishPeriod, _options.CountPublishPeriod);
        Log.Opened(_logger, Name, _outer.Pin, _inner.Pin, string.Join(", ", outputs.Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Key} GPIO {o.Pin}"))), _counts.In, _counts.Out);
    }

    /// <summary>
    /// Polls <paramref name="reader"/> until cancelled, alarming on every secured item it sees. A reader that stops
    /// answering is reported once as a <see cref="GateFault"/> and polled on; a port that went away ends the call with
    /// its <see cref="RfidReaderException"/>, for the caller's supervisor to reopen.
    /// </summary>
    public async Task RunDetectionAsync(IRfidReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var alarm = _alarm ?? throw new InvalidOperationException($"Gate '{Name}' is not open; call Open first.");
        var securedAfi = (byte)_readerProfile.SecuredAfi;
        var eas = _readerProfile.SecurityMode == RfidSecurityMode.Eas
            ? reader as IRfidEasAlarm ?? throw new InvalidOperationException($"Gate reader '{reader.Name}' is set to securityMode Eas, but its driver has no EAS alarm command; use a FEIG reader or securityMode Afi.")
            : null;
        var recent = new Dictionary<TransponderUid, (Guid AlarmId, DateTimeOffset LastSeen)>();
        var toRead = new Queue<PendingItemRead>();
        try
        {
            await PollAsync(reader, alarm, securedAfi, eas, recent, toRead, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Every alarm gets its item event, so the central system hears of it even when the port went away first.
            while (toRead.TryDequeue(out var unread))
            {
                StartPublishing(unread, null, "the gate stopped polling (reader port lost or gate stopping) before the tag could be read");
            }
        }
    }

    /// <summary>Switches the outputs off, releases the pins, publishes the alarms still waiting for a direction, saves the counts.</summary>
    public async ValueTask DisposeAsync()
    {
        _publishTimer?.Dispose();
        foreach (var (pin, handler) in _callbacks)
        {
            _gpio.UnregisterCallbackForPinValueChangedEvent(pin, handler);
        }

        _callbacks.Clear();
        _outer?.Dispose();
        _inner?.Dispose();
        _alarm?.Dispose();
        lock (_passages)
        {
            // No beam will move any more: alarms still waiting for their passage go out as Unknown now.
            _tracker.Reset();
        }

        Task[] publishing;
        lock (_publishing)
        {
            publishing = [.. _publishing];
        }

        await Task.WhenAll(publishing).ConfigureAwait(false);
        if (_alarm is not null)
        {
            SaveCounts();
        }
    }

    private async Task PollAsync(
        IRfidReader reader,
        GateAlarm alarm,
        byte securedAfi,
        IRfidEasAlarm? eas,
        Dictionary<TransponderUid, (Guid AlarmId, DateTimeOffset LastSeen)> recent,
        Queue<PendingItemRead> toRead,
        CancellationToken cancellationToken)
    {
        var lastEasAlarm = DateTimeOffset.MinValue;
        while (!cancellationToken.IsCancellationRequested)
        {
            var roundStart = _timeProvider.GetTimestamp();
            var roundFailed = false;
            foreach (var antenna in reader.Antennas)
            {
                try
                {
                    if (eas is not null)
                    {
                        if (await eas.EasAlarmAsync(antenna, cancellationToken).ConfigureAwait(false))
                        {
                            alarm.Trigger();
                            var now = _timeProvider.GetUtcNow();
                            if (now - lastEasAlarm > _options.AlarmDuration)
                            {
                                RaiseAlarm(null, antenna, GateDetectionMethod.EasAlarm, now);
                            }

                            lastEasAlarm = now;
                        }

                        continue;
                    }

                    foreach (var entry in await reader.InventoryAsync(antenna, securedAfi, cancellationToken).ConfigureAwait(false))
                    {
                        // Outputs first: nothing else stands between the poll's answer and the light.
                        alarm.Trigger();
                        var now = _timeProvider.GetUtcNow();
                        if (recent.TryGetValue(entry.Uid, out var seen) && now - seen.LastSeen <= _options.AlarmDuration)
                        {
                            recent[entry.Uid] = (seen.AlarmId, now);
                            continue;
                        }

                        var alarmId = RaiseAlarm(entry.Uid, antenna, GateDetectionMethod.AfiInventory, now);
                        recent[entry.Uid] = (alarmId, now);
                        toRead.Enqueue(new PendingItemRead(alarmId, entry.Uid, antenna, entry.Dsfid, ClaimDirection(now)));
                    }
                }
                catch (RfidReaderException ex) when (ex.Kind != RfidReaderFailureKind.PortUnavailable)
                {
                    roundFailed = true;
                    if (!_readerFaulted)
                    {
                        _readerFaulted = true;
                        var detail = $"reader '{reader.Name}' does not answer its polls, so the gate cannot see secured items: {ex.Message}";
                        Log.Fault(_logger, Name, detail);
                        _events.Publish(new GateFault(Name, GateFaultKind.ReaderUnavailable, detail, _timeProvider.GetUtcNow()));
                    }
                }
            }

            Interlocked.Increment(ref _pollRounds);
            if (!roundFailed && _readerFaulted)
            {
                _readerFaulted = false;
                var detail = $"reader '{reader.Name}' answers its polls again";
                Log.FaultCleared(_logger, Name, detail);
                _events.Publish(new GateFaultCleared(Name, GateFaultKind.ReaderUnavailable, detail, _timeProvider.GetUtcNow()));
            }

            // One tag read per round, after the polls, so identifying an alarm never holds the next poll for long.
            if (toRead.TryPeek(out var pending))
            {
                await ReadItemAsync(reader, pending, cancellationToken).ConfigureAwait(false);
                toRead.Dequeue();
            }

            Forget(recent);
            var wait = _readerProfile.PollInterval - _timeProvider.GetElapsedTime(roundStart);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private void CheckPin(string key, GatePin pin, PinMode mode, List<string> problems)
    {
        var number = pin.Number;
        if (_gpio.PinCount > 0 && number >= _gpio.PinCount)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{key}.pin: GPIO {number} does not exist on chip {_pinMap.Chip}, which has lines 0 to {_gpio.PinCount - 1}; check the pin map against gpioinfo"));
        }
        else if (!_gpio.IsPinModeSupported(number, mode))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{key}.pin: GPIO {number} cannot be an {(mode == PinMode.Output ? "output" : "input")} on this board; wire {key} to another line"));
        }
    }

    private GateBeamInput OpenBeam(GateBeam beam, GatePin pin)
    {
        var input = new GateBeamInput(beam, pin.Number, pin.ParsedPolarity, _options.BeamDebounce, _options.StuckBeamTimeout, _timeProvider, OnBeamChanged, OnBeamStuck);
        _gpio.OpenPin(input.Pin, PinMode.Input);
        input.Initialize(_gpio.Read(input.Pin));
        PinChangeEventHandler handler = (_, change) => input.Edge(change.ChangeType);
        _gpio.RegisterCallbackForPinValueChangedEvent(input.Pin, PinEventTypes.Rising | PinEventTypes.Falling, handler);
        _callbacks.Add((input.Pin, handler));
        return input;
    }

    private Guid RaiseAlarm(TransponderUid? uid, int antenna, GateDetectionMethod method, DateTimeOffset at)
    {
        var direction = CurrentDirection();
        var alarmId = Guid.NewGuid();
        Log.AlarmRaised(_logger, Name, antenna, uid, method, direction);
        _events.Publish(new GateAlarmRaised(Name, alarmId, uid, antenna, direction, method, at));
        return alarmId;
    }

    /// <summary>
    /// Binds a new alarm to the passage it belongs to. With a beam stuck the tracker sees no passages at all, so the
    /// direction is Unknown at once rather than after the whole wait.
    /// </summary>
    private AlarmDirectionClaim ClaimDirection(DateTimeOffset at)
    {
        if (_outer!.IsStuck || _inner!.IsStuck || _options.AlarmDirectionWait <= TimeSpan.Zero)
        {
            var claim = new AlarmDirectionClaim(at);
            claim.Resolve(_options.AlarmDirectionWait <= TimeSpan.Zero ? CurrentDirection() : GateDirection.Unknown);
            return claim;
        }

        lock (_passages)
        {
            return _tracker.Claim(at);
        }
    }

    private GateDirection CurrentDirection()
    {
        lock (_passages)
        {
            return _tracker.CurrentDirection();
        }
    }

    private async Task ReadItemAsync(IRfidReader reader, PendingItemRead pending, CancellationToken cancellationToken)
    {
        string? itemId = null;
        string? problem;
        try
        {
            (itemId, problem) = await ReadItemIdAsync(reader, pending, cancellationToken).ConfigureAwait(false);
        }
        catch (RfidReaderException ex) when (ex.Kind != RfidReaderFailureKind.PortUnavailable)
        {
            problem = $"the tag could not be read after the alarm (it may have left the field): {ex.Message}";
        }

        StartPublishing(pending, itemId, problem);
    }

    /// <summary>
    /// Reads only the blocks an item id needs (<see cref="ItemIdBlocks"/>), so a second secured item right behind is
    /// polled for sooner; when those do not decode to an item id (an ISO 28560-2 tag with long data sets ahead of the
    /// end, a blank start) the whole memory is read as before.
    /// </summary>
    private static async Task<(string? ItemId, string? Problem)> ReadItemIdAsync(IRfidReader reader, PendingItemRead pending, CancellationToken cancellationToken)
    {
        try
        {
            var blocks = await reader.ReadBlocksAsync(pending.Uid, 0, ItemIdBlocks, cancellationToken).ConfigureAwait(false);
            if (ItemIdOf(LibraryTagCodec.Decode(new TagMemory(blocks.Data, blocks.BlockSize, pending.Dsfid))) is { } quick)
            {
                return (quick, null);
            }
        }
        catch (RfidReaderException ex) when (ex.Kind is not (RfidReaderFailureKind.PortUnavailable or RfidReaderFailureKind.NoTransponder))
        {
            // A tag smaller than the first read, or a reply that went wrong: the whole read below sizes the tag first.
        }

        var memory = await reader.ReadTagAsync(pending.Uid, cancellationToken).ConfigureAwait(false);
        var decoded = LibraryTagCodec.Decode(memory.ToTagMemory());
        return ItemIdOf(decoded) is { } itemId ? (itemId, null) : (null, $"the tag's memory holds no item id ({decoded.Reason})");
    }

    private static string? ItemIdOf(TagDecodeResult decoded) =>
        decoded.IsSuccess && !string.IsNullOrEmpty(decoded.Item!.PrimaryItemId) ? decoded.Item.PrimaryItemId : null;

    /// <summary>Publishes the item event once the alarm's direction is known, beside the polls (they never wait for it).</summary>
    private void StartPublishing(PendingItemRead pending, string? itemId, string? problem)
    {
        var publishing = PublishItemReadAsync(pending, itemId, problem);
        lock (_publishing)
        {
            if (!publishing.IsCompleted)
            {
                _publishing.Add(publishing);
            }
        }

        _ = publishing.ContinueWith(
            done =>
            {
                lock (_publishing)
                {
                    _publishing.Remove(done);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task PublishItemReadAsync(PendingItemRead pending, string? itemId, string? problem)
    {
        var claim = pending.Direction;
        var left = _options.AlarmDirectionWait - (_timeProvider.GetUtcNow() - claim.AlarmAt);
        if (!claim.Direction.IsCompleted)
        {
            try
            {
                if (left > TimeSpan.Zero)
                {
                    await claim.Direction.WaitAsync(left, _timeProvider).ConfigureAwait(false);
                }
            }
            catch (TimeoutException)
            {
                // The passage did not finish in time (a slow trolley, someone standing in the aisle): Unknown, below.
            }

            lock (_passages)
            {
                _tracker.Expire(claim);
            }
        }

        var direction = await claim.Direction.ConfigureAwait(false);
        var now = _timeProvider.GetUtcNow();
        if (itemId is not null)
        {
            Log.ItemRead(_logger, Name, pending.Uid, itemId, direction);
        }
        else
        {
            Log.ItemNotRead(_logger, Name, pending.Uid, problem!, direction);
        }

        _events.Publish(new GateAlarmItemRead(Name, pending.AlarmId, pending.Uid, pending.Antenna, itemId, direction, problem, now));
    }

    private void Forget(Dictionary<TransponderUid, (Guid AlarmId, DateTimeOffset LastSeen)> recent)
    {
        var now = _timeProvider.GetUtcNow();
        foreach (var (uid, seen) in recent)
        {
            if (now - seen.LastSeen > _options.AlarmDuration)
            {
                recent.Remove(uid);
            }
        }
    }

    private void OnBeamChanged(GateBeam beam, bool blocked, DateTimeOffset at)
    {
        GatePassageCounts counts;
        GateDirection direction;
        lock (_passages)
        {
            if (blocked)
            {
                _tracker.Blocked(beam, at);
                return;
            }

            if (_tracker.Cleared(beam, at) is not { } counted)
            {
                return;
            }

            direction = counted;
            _counts = counts = direction == GateDirection.In ? _counts with { In = _counts.In + 1 } : _counts with { Out = _counts.Out + 1 };
        }

        SaveCounts();
        Log.PassageCounted(_logger, Name, direction, counts.In, counts.Out);
        _events.Publish(new GatePassageCounted(Name, direction, counts.In, counts.Out, at));
    }

    private void OnBeamStuck(GateBeam beam, bool stuck, DateTimeOffset at)
    {
        var pin = beam == GateBeam.Outer ? _outer?.Pin : _inner?.Pin;
        var key = beam == GateBeam.Outer ? "outerBeam" : "innerBeam";
        lock (_passages)
        {
            // What a stuck beam saw is not a person; start afresh on both sides.
            _tracker.Reset();
        }

        if (stuck)
        {
            var detail = string.Create(CultureInfo.InvariantCulture, $"the {beam.ToString().ToLowerInvariant()} beam ({key}, GPIO {pin}) has been blocked for over {_options.StuckBeamTimeout.TotalSeconds:0.#} s; clear the aisle or check its reflector and receiver. Passages are not counted meanwhile.");
            Log.Fault(_logger, Name, detail);
            _events.Publish(new GateFault(Name, GateFaultKind.BeamStuck, detail, at));
        }
        else
        {
            var detail = string.Create(CultureInfo.InvariantCulture, $"the {beam.ToString().ToLowerInvariant()} beam ({key}, GPIO {pin}) is clear again; counting resumes");
            Log.FaultCleared(_logger, Name, detail);
            _events.Publish(new GateFaultCleared(Name, GateFaultKind.BeamStuck, detail, at));
        }
    }

    private void PublishCounts()
    {
        var counts = Counts;
        _events.Publish(new GateCountsPublished(Name, counts.In, counts.Out, _timeProvider.GetUtcNow()));
    }

    private void SaveCounts()
    {
        try
        {
            // Always the latest counts, one writer at a time: two beams' callbacks may finish passages together.
            lock (_saving)
            {
                _store.Save(Counts);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.CountsNotSaved(_logger, ex, Name, _store.Path);
        }
    }
}
