using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Kiosk.Events.Options;

/// <summary>Events to the central system: the broker, the topics, the outbox and remote commands. Bound from <c>Kiosk:Events</c>.</summary>
public sealed class KioskEventsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Kiosk:Events";

    /// <summary>The broker connection (<c>Kiosk:Events:Mqtt</c>).</summary>
    [ValidateObjectMembers]
    public MqttConnectionOptions Mqtt { get; set; } = new();

    /// <summary>Where this device publishes (<c>Kiosk:Events:Topics</c>).</summary>
    [ValidateObjectMembers]
    public TopicOptions Topics { get; set; } = new();

    /// <summary>The durable outbox (<c>Kiosk:Events:Outbox</c>).</summary>
    [ValidateObjectMembers]
    public OutboxOptions Outbox { get; set; } = new();

    /// <summary>Remote commands (<c>Kiosk:Events:Commands</c>).</summary>
    [ValidateObjectMembers]
    public CommandOptions Commands { get; set; } = new();
}
