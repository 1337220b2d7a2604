using Microsoft.Extensions.Logging;

namespace Kiosk.Circulation.Security;

/// <summary>Log messages of security switching. Items and tags only: never a patron identifier or PIN.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Item {ItemId}: the ILS did not confirm the loan ({Reason}); its security stays on")]
    public static partial void LoanNotConfirmed(ILogger logger, string itemId, string reason);

    [LoggerMessage(2, LogLevel.Warning, "Item {ItemId}: tag {Uid} did not switch to {Wanted} after retries: {Failure}")]
    public static partial void SwitchFailed(ILogger logger, string itemId, string uid, string wanted, string failure);

    [LoggerMessage(3, LogLevel.Warning, "Item {ItemId}: the ILS could not take the return ({Reason}); the item is secured and the checkin queued")]
    public static partial void ReturnQueued(ILogger logger, string itemId, string reason);

    [LoggerMessage(4, LogLevel.Information, "Recovery: item {ItemId} ({Operation} at {Step}) now secured {Secured}, needs staff {NeedsStaff}")]
    public static partial void Recovered(ILogger logger, string itemId, SecurityOperation operation, SecurityStep step, bool secured, bool needsStaff);

    [LoggerMessage(5, LogLevel.Information, "Recovery: {Count} journal entries left mid-way by the last run")]
    public static partial void RecoveryStarted(ILogger logger, int count);
}
