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

    [LoggerMessage(7, LogLevel.Debug, "End Patron Session (35) not sent: {Reason}")]
    public static partial void EndSessionNotSent(ILogger logger, string reason);

    [LoggerMessage(8, LogLevel.Error, "Ending an idle session failed: {Reason}")]
    public static partial void IdleEndFailed(ILogger logger, string reason);

    [LoggerMessage(11, LogLevel.Information, "A card waited for its PIN through the idle timeout; the prompt was withdrawn")]
    public static partial void PinPromptAbandoned(ILogger logger);
}
