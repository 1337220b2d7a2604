namespace Kiosk.Events.Commands;

/// <summary>An answer to publish: the topic, the JSON, and the MQTT 5 correlation data to echo (MQTT 5 §4.10).</summary>
internal sealed record CommandReply(string Topic, byte[] Payload, byte[]? CorrelationData);
