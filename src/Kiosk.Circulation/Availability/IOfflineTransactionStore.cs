namespace Kiosk.Circulation.Availability;

/// <summary>
/// The durable store-and-forward queue of transactions taken while the ILS was unreachable. An implementation must have
/// a transaction on disk when <see cref="EnqueueAsync"/> completes: nothing queued may be lost across a restart.
/// Kiosk.Storage provides the SQLite one.
/// </summary>
public interface IOfflineTransactionStore
{
    /// <summary>Queues a transaction and returns its id.</summary>
    Task<long> EnqueueAsync(OfflineTransactionKind kind, string itemId, string? patronIdentifier, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The transactions waiting for replay, in the order they were taken.</summary>
    Task<IReadOnlyList<OfflineTransaction>> PendingAsync(CancellationToken cancellationToken = default);

    /// <summary>Records that the ILS took transaction <paramref name="id"/>.</summary>
    Task MarkReplayedAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Records that transaction <paramref name="id"/> needs staff, and why.</summary>
    Task MarkConflictAsync(long id, OfflineConflictReason reason, string? note, CancellationToken cancellationToken = default);

    /// <summary>Withdraws a transaction that never took effect.</summary>
    Task CancelAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that staff dealt with the conflict of transaction <paramref name="id"/>: it leaves the staff list and, its
    /// purpose served, the card number is forgotten. Returns false when <paramref name="id"/> is not a listed conflict.
    /// </summary>
    Task<bool> ResolveAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>The transactions that need staff, oldest first.</summary>
    Task<IReadOnlyList<OfflineTransaction>> ConflictsAsync(CancellationToken cancellationToken = default);
}
