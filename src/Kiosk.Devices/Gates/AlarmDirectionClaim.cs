namespace Kiosk.Devices.Gates;

/// <summary>
/// An alarm waiting for the direction of the passage it belongs to. <see cref="BeamPassageTracker"/> binds it to a
/// passage and resolves it when that passage is counted (In or Out), abandoned (a walker who turned back: Unknown), or
/// forgotten (a stuck beam: Unknown); when its wait runs out the controller resolves it with a passage counted just
/// before the alarm, or Unknown.
/// </summary>
internal sealed class AlarmDirectionClaim(DateTimeOffset alarmAt)
{
    private readonly TaskCompletionSource<GateDirection> _resolved = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When the alarm went on.</summary>
    public DateTimeOffset AlarmAt { get; } = alarmAt;

    /// <summary>The first block of the passage it is bound to; null until a passage starts.</summary>
    public BeamBlock? Passage { get; set; }

    /// <summary>
    /// The direction of a passage counted just before the alarm, if any: the alarm's own when no passage comes for it
    /// within the wait (a tag carried at the back, first seen as its walker left the beams).
    /// </summary>
    public GateDirection? CountedJustBefore { get; set; }

    /// <summary>Completes with the direction once it is known, or Unknown.</summary>
    public Task<GateDirection> Direction => _resolved.Task;

    /// <summary>Sets the direction; later calls change nothing.</summary>
    public void Resolve(GateDirection direction) => _resolved.TrySetResult(direction);
}
