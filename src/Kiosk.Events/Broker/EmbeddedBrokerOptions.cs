using System.ComponentModel.DataAnnotations;

namespace Kiosk.Events.Broker;

/// <summary>
/// The in-process MQTT broker for the default run and for development, <c>Kiosk:EmbeddedBroker</c>. A site uses the
/// province's broker instead and turns this off.
/// </summary>
public sealed class EmbeddedBrokerOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Kiosk:EmbeddedBroker";

    /// <summary>Whether to run the broker; the publisher then connects to it instead of <c>Kiosk:Events:Mqtt:Host</c>.</summary>
    public bool Enabled { get; set; }

    /// <summary>The loopback port; 0 picks a free one.</summary>
    [Range(0, 65535, ErrorMessage = "Kiosk:EmbeddedBroker:Port must be 0–65535 (0 picks a free port).")]
    public int Port { get; set; } = 1883;

    /// <summary>
    /// Where it listens: empty (the default) for loopback only, 127.0.0.1 and ::1; or one IP address, such as 0.0.0.0 or
    /// the kiosk's LAN address, for other machines. Beyond loopback, <see cref="Username"/> and <see cref="Password"/> are
    /// required: an anonymous broker on a library's network lets anyone read every event and publish forged ones.
    /// </summary>
    public string? BindAddress { get; set; }

    /// <summary>The login every client must give, when set (always, when <see cref="BindAddress"/> is beyond loopback).</summary>
    public string? Username { get; set; }

    /// <summary>The password of <see cref="Username"/>; from the environment (<c>Kiosk__EmbeddedBroker__Password</c>), never appsettings.json.</summary>
    public string? Password { get; set; }

    /// <summary>When <see cref="Port"/> is taken (another broker, another kiosk process), take a free port instead of failing.</summary>
    public bool FallBackToFreePort { get; set; } = true;
}
