using System.ComponentModel.DataAnnotations;
using Kiosk.Events.Outbox;

namespace Kiosk.Events.Options;

/// <summary>The durable outbox, <c>Kiosk:Events:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    /// <summary>The SQLite file. Empty means <c>kiosk-events.db</c> in the current directory.</summary>
    public string? Path { get; set; }

    /// <summary>The most events kept; at the bound, the oldest status events go, transactions are refused (see README).</summary>
    [Range(100, 10_000_000, ErrorMessage = "Kiosk:Events:Outbox:Capacity must be between 100 and 10,000,000 events.")]
    public int Capacity { get; set; } = 200_000;

    /// <summary>The fill ratio at which the outbox reports itself filling (an event and a degraded health check).</summary>
    [Range(0.1, 0.99, ErrorMessage = "Kiosk:Events:Outbox:WarningRatio must be between 0.1 and 0.99.")]
    public double WarningRatio { get; set; } = 0.8;

    /// <summary>
    /// <c>Full</c> (the default) fsyncs each commit, so a committed event survives a power cut; <c>Normal</c> survives a
    /// crash of the process but may lose the last commits on power loss (SQLite WAL documentation, "synchronous").
    /// </summary>
    public OutboxDurability Durability { get; set; } = OutboxDurability.Full;

    /// <summary>Events read from the outbox per round.</summary>
    [Range(1, 10_000, ErrorMessage = "Kiosk:Events:Outbox:BatchSize must be between 1 and 10,000.")]
    public int BatchSize { get; set; } = 500;

    /// <summary>QoS 1 publishes awaiting their PUBACK at once. MQTT 5 brokers may lower it with Receive Maximum (§3.2.2.3.3).</summary>
    [Range(1, 1000, ErrorMessage = "Kiosk:Events:Outbox:MaxInFlight must be between 1 and 1000.")]
    public int MaxInFlight { get; set; } = 64;
}
