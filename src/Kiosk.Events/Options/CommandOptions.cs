using System.ComponentModel.DataAnnotations;

namespace Kiosk.Events.Options;

/// <summary>Remote commands, <c>Kiosk:Events:Commands</c>.</summary>
public sealed class CommandOptions
{
    /// <summary>Whether the kiosk subscribes to its command topics.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The site's HMAC secret (at least 32 characters), from the environment; without it every command is refused.</summary>
    public string? Secret { get; set; }

    /// <summary>A file whose first line is the site's HMAC secret.</summary>
    public string? SecretFile { get; set; }

    /// <summary>How far a command's <c>issuedAt</c> may be from the kiosk's clock; older commands are refused as replays.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00", ErrorMessage = "Kiosk:Events:Commands:MaxClockSkew must be between 5 s and 1 h.")]
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Which commands each role may run. Configuration adds roles or replaces a role's list; the defaults give
    /// <c>technician</c> every command and <c>monitor</c> only status and ping.
    /// </summary>
    public Dictionary<string, string[]> Roles { get; set; } = new(StringComparer.Ordinal)
    {
        ["technician"] = [.. Commands.CommandNames.All],
        ["monitor"] = [Commands.CommandNames.Status, Commands.CommandNames.Ping],
    };
}
