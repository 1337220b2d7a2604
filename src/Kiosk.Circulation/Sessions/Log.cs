using Microsoft.Extensions.Logging;

namespace Kiosk.Circulation.Sessions;

/// <summary>Log messages of the kiosk's sessions. Sessions are named by their random id; never a card number, PIN or name.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Session {SessionId} started ({Method}, off-line {Offline})")]
    public static partial void SessionStarted(ILogger logger, Guid sessionId, SignInMethod method, bool offline);

    [LoggerMessage(2, LogLevel.Information, "Session {SessionId} ended: {Reason}")]
    public static partial void SessionEnded(ILogger logger, Guid sessionId, SessionEndReason reason);

    [LoggerMessage(3, LogLevel.Information, "Sign-in refused: {Reason}")]
    public static partial void SignInRefused(ILogger logger, RefusalReason reason);

    [LoggerMessage(4, LogLevel.Warning, "Tag {Uid} on the pad could not be read as a library item: {Reason}")]
    public static partial void TagUnreadable(ILogger logger, string uid, string reason);

    [LoggerMessage(5, LogLevel.Warning, "Item {ItemId} was lifted before its security was switched off; waiting for it to come back")]
    public static partial void RemovedBeforeSwitch(ILogger logger, string itemId);

    [LoggerMessage(6, LogLevel.Debug, "Title of item {ItemId} not looked up: {Reason}")]
    public static partial void TitleLookupFailed(ILogger logger, string itemId, string reason);

    [LoggerMessage(7, LogLevel.Debug, "End Patron Session (35) not sent: {Reason}")]
    public static partial void EndSessionNotSent(ILogger logger, string reason);

    [LoggerMessage(8, LogLevel.Error, "Ending an idle session failed: {Reason}")]
    public static partial void IdleEndFailed(ILogger logger, string reason);

    [LoggerMessage(9, LogLevel.Error, "Offline replay failed: {Reason}; the queue is kept for the next try")]
    public static partial void ReplayFailed(ILogger logger, string reason);

    [LoggerMessage(10, LogLevel.Warning, "The ILS cannot be reached ({Reason}); working off-line as the site's policy allows")]
    public static partial void IlsUnreachable(ILogger logger, string reason);

    [LoggerMessage(11, LogLevel.Information, "A card waited for its PIN through the idle timeout; the prompt was withdrawn")]
    public static partial void PinPromptAbandoned(ILogger logger);

    [LoggerMessage(12, LogLevel.Information, "Staff dealt with security journal entry {Id} (item {ItemId}); it left the staff list")]
    public static partial void SecurityEntryResolved(ILogger logger, long id, string itemId);

    [LoggerMessage(13, LogLevel.Information, "Staff dealt with the conflict of off-line transaction {Id} (item {ItemId}); it left the staff list and its card number was forgotten")]
    public static partial void OfflineConflictResolved(ILogger logger, long id, string itemId);
}
