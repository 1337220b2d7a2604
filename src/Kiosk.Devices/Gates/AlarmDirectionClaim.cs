namespace Kiosk.Devices.Gates;

/// <summary>
/// An alarm waiting for the direction of the passage it belongs to. <see cref="BeamPassageTracker"/> binds it to a
/// passage and resolves it when that passage is counted (In or Out), abandoned (a walker who turned back: Unknown), or
/// forgotten (a stuck beam: Unknown); the controller resolves it as Unknown when its wait runs out.
/// </summary>
internal sealed class AlarmDirectionClaim(DateTimeOffset alarmAt)
{
    private readonly TaskCompletionSource<GateDirection> _resolved = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When the alarm went on.</summary>
    public DateTimeOffset AlarmAt { get; } = alarmAt;

    /// <summary>The first block of the passage it is bound to; null until a passage starts.</summary>
    public BeamBlock? Passage { get; set; }

    /// <summary>Completes with the direction once it is known, or Unknown.</summary>
    public Task<GateDirection> Direction => _resolved.Task;

    /// <summary>Sets the direction; later calls change nothing.</summary>
    public void Resolve(GateDirection direction) => _resolved.TrySetResult(direction);
}
