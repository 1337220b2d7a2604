namespace Kiosk.Events.Model;

/// <summary>A device, link or the outbox changed state.</summary>
/// <param name="Device">Which kind of device.</param>
/// <param name="Name">Which one (reader0, printer, gate-north…).</param>
/// <param name="Status">Its new state.</param>
/// <param name="Detail">Why, for a technician.</param>
public sealed record DeviceStatusChangedData(
    DeviceKind Device,
    string Name,
    DeviceStatus Status,
    string? Detail) : KioskEventData
{
    /// <inheritdoc/>
    public override string EventType => KioskEventTypes.DeviceStatusChanged;

    /// <inheritdoc/>
    public override EventClass EventClass => EventClass.Status;
}
