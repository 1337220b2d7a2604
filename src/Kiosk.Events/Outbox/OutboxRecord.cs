namespace Kiosk.Events.Outbox;

/// <summary>One stored event as the publisher reads it.</summary>
internal readonly record struct OutboxRecord(long Sequence, string EventType, byte[] Payload);
