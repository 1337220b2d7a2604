namespace Kiosk.Events.Outbox;

/// <summary>The result of <see cref="IEventOutbox.AppendAsync"/>.</summary>
/// <param name="EventId">The CloudEvents <c>id</c>.</param>
/// <param name="Sequence">The device-wide order of the event (the CloudEvents <c>sequence</c> extension).</param>
/// <param name="Stored">False only for a status event dropped because the outbox was full of transactions.</param>
public readonly record struct OutboxReceipt(string EventId, long Sequence, bool Stored);
