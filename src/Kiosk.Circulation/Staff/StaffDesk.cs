using Kiosk.Circulation.Availability;
using Kiosk.Circulation.DomainEvents;
using Kiosk.Circulation.Security;
using Microsoft.Extensions.Logging;

namespace Kiosk.Circulation.Staff;

/// <summary>What needs staff: items whose security could not be settled, and off-line transactions that met a conflict.</summary>
internal sealed partial class StaffDesk(
    ISecurityJournal journal, IOfflineTransactionStore offline, CirculationEventHub events, TimeProvider timeProvider, ILogger<StaffDesk> logger)
{
    public async Task<StaffList> StaffListAsync(CancellationToken cancellationToken = default) =>
        new(await journal.NeedingStaffAsync(cancellationToken).ConfigureAwait(false), await offline.ConflictsAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Staff dealt with security journal entry <paramref name="id"/>: it leaves the staff list, and
    /// <see cref="SecurityEntryResolved"/> is raised. Returns false when the entry is not on the list.
    /// </summary>
    public async Task<bool> ResolveSecurityEntryAsync(long id, CancellationToken cancellationToken = default)
    {
        var entry = (await journal.NeedingStaffAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(listed => listed.Id == id);
        if (entry is null || !await journal.ResolveAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        LogSecurityEntryResolved(logger, id, entry.ItemId);
        await events.PublishAsync(new SecurityEntryResolved(id, entry.Operation, entry.ItemId, timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Staff dealt with the conflict of off-line transaction <paramref name="id"/>: it leaves the staff list, its card
    /// number is forgotten, and <see cref="OfflineConflictResolved"/> is raised. Returns false when it is not on the list.
    /// </summary>
    public async Task<bool> ResolveOfflineConflictAsync(long id, CancellationToken cancellationToken = default)
    {
        var conflict = (await offline.ConflictsAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(listed => listed.Id == id);
        if (conflict is null || !await offline.ResolveAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        LogOfflineConflictResolved(logger, id, conflict.ItemId);
        await events.PublishAsync(new OfflineConflictResolved(id, conflict.Kind, conflict.ItemId, conflict.Conflict, timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return true;
    }

    [LoggerMessage(12, LogLevel.Information, "Staff dealt with security journal entry {Id} (item {ItemId}); it left the staff list")]
    private static partial void LogSecurityEntryResolved(ILogger logger, long id, string itemId);

    [LoggerMessage(13, LogLevel.Information, "Staff dealt with the conflict of off-line transaction {Id} (item {ItemId}); it left the staff list and its card number was forgotten")]
    private static partial void LogOfflineConflictResolved(ILogger logger, long id, string itemId);
}
