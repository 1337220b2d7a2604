using System.Text.Json;

namespace Kiosk.Events.Commands;

/// <summary>A command request whose signature, device, age and nonce were checked.</summary>
internal sealed record CommandRequest(string Command, string Role, string Nonce, DateTimeOffset IssuedAt, JsonElement Arguments, string? ReplyTo, string? CorrelationId);
