using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kioskctl.Commands;

/// <summary>
/// The <c>request</c> value of a signed command, as the kiosk's CommandAuthorizer reads it (camelCase JSON, signed by
/// <see cref="Kiosk.Events.Commands.CommandSigner"/>). There is no <c>replyTo</c>: the answer comes on the device's own
/// <c>…/replies/{command}</c>, which the kiosk may always publish to.
/// </summary>
internal sealed record RemoteCommandRequest(
    string Command,
    string Device,
    string Role,
    string IssuedAt,
    string Nonce,
    string CorrelationId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? Arguments);
