using Microsoft.Extensions.Logging;

namespace Kiosk.Circulation.Availability;

/// <summary>Log messages of the offline replay. Items only: never the card number a queued loan holds.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Offline transaction {Id} ({Kind} of item {ItemId}) replayed to the ILS")]
    public static partial void Replayed(ILogger logger, long id, OfflineTransactionKind kind, string itemId);

    [LoggerMessage(2, LogLevel.Warning, "Offline transaction {Id} ({Kind} of item {ItemId}) met a conflict: {Reason}; listed for staff")]
    public static partial void Conflict(ILogger logger, long id, OfflineTransactionKind kind, string itemId, OfflineConflictReason reason);

    [LoggerMessage(3, LogLevel.Warning, "Offline replay stopped at transaction {Id}: {Reason}; the rest stay queued")]
    public static partial void ReplayStopped(ILogger logger, long id, string reason);
}
