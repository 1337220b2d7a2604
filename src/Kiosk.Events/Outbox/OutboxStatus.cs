namespace Kiosk.Events.Outbox;

/// <summary>A snapshot of the outbox, free of any health-check type so a host can map it as it likes.</summary>
/// <param name="Count">Events waiting to be published.</param>
/// <param name="Capacity">The bound.</param>
/// <param name="State">Healthy, filling or full.</param>
/// <param name="DroppedStatusEvents">Status events dropped since start because the outbox was full.</param>
/// <param name="RefusedTransactions">Transactions refused since start because the outbox was full.</param>
public sealed record OutboxStatus(int Count, int Capacity, OutboxState State, long DroppedStatusEvents, long RefusedTransactions);
