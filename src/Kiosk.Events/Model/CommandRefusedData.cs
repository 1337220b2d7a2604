namespace Kiosk.Events.Model;

/// <summary>A remote command was refused.</summary>
/// <param name="Command">The command named by the topic.</param>
/// <param name="Role">The role it claimed, when it could be read.</param>
/// <param name="Reason">Why, as in the reply.</param>
public sealed record CommandRefusedData(
    string Command,
    string? Role,
    string Reason) : KioskEventData
{
    /// <inheritdoc/>
    public override string EventType => KioskEventTypes.CommandRefused;
}
