namespace Kiosk.Circulation.Security;

/// <summary>
/// The durable record of every security switch, written before each step is taken, so a crash at
/// any point can be recovered. An implementation must have the write on disk when the returned task completes: the kiosk may lose
/// power the next instant. Kiosk.Storage provides the SQLite one.
/// </summary>
public interface ISecurityJournal
{
    /// <summary>Begins an entry at <paramref name="stepToTake"/> and returns its id.</summary>
    Task<long> BeginAsync(SecurityOperation operation, string itemId, IReadOnlyList<string> tagUids, SecurityStep stepToTake, CancellationToken cancellationToken = default);

    /// <summary>Moves entry <paramref name="id"/> to <paramref name="stepToTake"/>, with the offline queue id or a note when given.</summary>
    Task RecordAsync(long id, SecurityStep stepToTake, long? offlineTransactionId = null, string? note = null, CancellationToken cancellationToken = default);

    /// <summary>The entries not yet finished, oldest first: what recovery must bring to agreement.</summary>
    Task<IReadOnlyList<SecurityJournalEntry>> UnfinishedAsync(CancellationToken cancellationToken = default);

    /// <summary>The entries that need staff, oldest first.</summary>
    Task<IReadOnlyList<SecurityJournalEntry>> NeedingStaffAsync(CancellationToken cancellationToken = default);

    /// <summary>Marks a staff entry as dealt with, so it leaves the staff list. Returns false when <paramref name="id"/> is not listed for staff.</summary>
    Task<bool> ResolveAsync(long id, CancellationToken cancellationToken = default);
}
