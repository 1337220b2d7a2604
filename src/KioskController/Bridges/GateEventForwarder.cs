using Kiosk.Devices.Gates;
using Kiosk.Events.Model;
using Kiosk.Events.Outbox;
using Kiosk.Circulation.Gates;

namespace KioskController.Bridges;

/// <summary>
/// Follows the gate's events: each goes to the outbox for the central system (alarm, its title, passage counts, faults)
/// and to the screens. It runs beside the alarm, never on its path: the light and buzzer are already on when an alarm
/// event reaches this service.
/// </summary>
/// <remarks>
/// The screens show an alarm the moment it is raised. The central system's <c>gate.alarm</c> carries the item id, the
/// antenna and the direction, so it goes out with <see cref="GateAlarmItemRead"/>, which the gate publishes once the
/// tag is read and its walker's passage counted (bounded by <c>Kiosk:Gate:AlarmDirectionWait</c>). An EAS alarm names
/// no tag and is followed by nothing, so it goes out as raised.
/// </remarks>
internal sealed partial class GateEventForwarder(GateEventHub hub, IEventOutbox outbox, LiveUpdates live, ILogger<GateEventForwarder> logger) : BackgroundService
{
    private const int AlarmsKept = 10;

    // Subscribed when built, before the gate starts, so no event falls between start and subscription.
    private readonly System.Threading.Channels.ChannelReader<GateEvent> _events = hub.Subscribe();
    private readonly Lock _gate = new();
    private readonly List<GateAlarmLine> _alarms = [];
    private readonly Dictionary<GateFaultKind, string> _faults = [];
    private (long In, long Out) _counts;
    private (long In, long Out, int Alarms, DateTimeOffset Since) _published = (0, 0, 0, DateTimeOffset.MinValue);
    private int _alarmsSincePublished;

    /// <summary>The gate's activity now.</summary>
    public GateActivity Activity
    {
        get
        {
            lock (_gate)
            {
                return new GateActivity(_counts.In, _counts.Out, [.. _alarms], [.. _faults.Values]);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var gateEvent in _events.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                var data = Follow(gateEvent);
                if (data is not null)
                {
                    try
                    {
                        await outbox.AppendAsync(data, stoppingToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is OutboxFullException or Kiosk.Events.Envelope.PatronDataLeakException or InvalidOperationException)
                    {
                        Log.NotRecorded(logger, data.EventType, ex.Message);
                    }
                }

                live.Publish("gate", Activity);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private KioskEventData? Follow(GateEvent gateEvent)
    {
        lock (_gate)
        {
            switch (gateEvent)
            {
                case GateAlarmRaised raised:
                    _alarmsSincePublished++;
                    _alarms.Insert(0, new GateAlarmLine(raised.AlarmId, raised.At, raised.Antenna, Direction(raised.Direction), null, null));
                    if (_alarms.Count > AlarmsKept)
                    {
                        _alarms.RemoveAt(_alarms.Count - 1);
                    }

                    return raised.Method == GateDetectionMethod.EasAlarm
                        ? new GateAlarmData(raised.Gate, raised.AlarmId.ToString(), null, Direction(raised.Direction), raised.Antenna)
                        : null;
                case GateAlarmItemRead read:
                    Update(read.AlarmId, line => line with { ItemId = read.ItemId, Direction = Direction(read.Direction) });
                    return new GateAlarmData(read.Gate, read.AlarmId.ToString(), read.ItemId, Direction(read.Direction), read.Antenna);
                case GateAlarmEnriched enriched:
                    Update(enriched.AlarmId, line => line with { ItemId = enriched.ItemId, Title = enriched.Title, Direction = Direction(enriched.Direction) });
                    return new GateAlarmEnrichedData(enriched.Gate, enriched.AlarmId.ToString(), enriched.ItemId, enriched.Title, null);
                case GatePassageCounted counted:
                    _counts = (counted.TotalIn, counted.TotalOut);
                    return null;
                case GateCountsPublished counts:
                    _counts = (counts.TotalIn, counts.TotalOut);
                    var since = _published.Since == DateTimeOffset.MinValue ? counts.At : _published.Since;
                    var data = new GatePassageCountsData(
                        counts.Gate, since, counts.At, (int)(counts.TotalIn - _published.In), (int)(counts.TotalOut - _published.Out), _alarmsSincePublished);
                    _published = (counts.TotalIn, counts.TotalOut, 0, counts.At);
                    _alarmsSincePublished = 0;
                    return data;
                case GateFault fault:
                    _faults[fault.Kind] = fault.Detail;
                    return new DeviceStatusChangedData(DeviceKind.Gate, fault.Gate, DeviceStatus.Degraded, fault.Detail);
                case GateFaultCleared cleared:
                    _faults.Remove(cleared.Kind);
                    return new DeviceStatusChangedData(DeviceKind.Gate, cleared.Gate, _faults.Count == 0 ? DeviceStatus.Online : DeviceStatus.Degraded, cleared.Detail);
                default:
                    return null;
            }
        }
    }

    private void Update(Guid alarm, Func<GateAlarmLine, GateAlarmLine> change)
    {
        var index = _alarms.FindIndex(line => line.AlarmId == alarm);
        if (index >= 0)
        {
            _alarms[index] = change(_alarms[index]);
        }
    }

    private static string Direction(GateDirection direction) => direction.ToString().ToLowerInvariant();

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Gate event {EventType} was not recorded: {Reason}")]
        public static partial void NotRecorded(ILogger logger, string eventType, string reason);
    }
}
