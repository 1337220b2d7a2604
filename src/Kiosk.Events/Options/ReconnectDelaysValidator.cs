using Microsoft.Extensions.Options;

namespace Kiosk.Events.Options;

/// <summary>The reconnect delays against each other, which the range attributes on each alone cannot check.</summary>
internal sealed class ReconnectDelaysValidator : IValidateOptions<KioskEventsOptions>
{
    public ValidateOptionsResult Validate(string? name, KioskEventsOptions options) =>
        options.Mqtt.ReconnectMaxDelay < options.Mqtt.ReconnectMinDelay
            ? ValidateOptionsResult.Fail(
                $"{KioskEventsOptions.SectionName}:Mqtt:ReconnectMaxDelay ({options.Mqtt.ReconnectMaxDelay}) is shorter than ReconnectMinDelay ({options.Mqtt.ReconnectMinDelay}); make it at least as long.")
            : ValidateOptionsResult.Success;
}
