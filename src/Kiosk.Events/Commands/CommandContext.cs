using System.Text.Json;

namespace Kiosk.Events.Commands;

/// <summary>An authorised command as its handler sees it.</summary>
/// <param name="Command">The command's name.</param>
/// <param name="Role">The role it was signed for.</param>
/// <param name="Arguments">The request's <c>arguments</c> object, or an undefined element when it had none.</param>
public sealed record CommandContext(string Command, string Role, JsonElement Arguments);
