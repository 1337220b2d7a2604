namespace KioskController.Api.Status;

/// <summary>The embedded MQTT broker in <c>GET /api/status/events</c>.</summary>
/// <param name="Running">Whether it listens.</param>
/// <param name="Port">Its loopback port.</param>
public sealed record EmbeddedBrokerStatus(bool Running, int Port);
