namespace Kiosk.Events.Model;

/// <summary>A remote command was authorised and run.</summary>
/// <param name="Command">The command.</param>
/// <param name="Role">The role it was signed for.</param>
/// <param name="Succeeded">Whether the handler succeeded.</param>
public sealed record CommandExecutedData(
    string Command,
    string Role,
    bool Succeeded) : KioskEventData
{
    /// <inheritdoc/>
    public override string EventType => KioskEventTypes.CommandExecuted;
}
