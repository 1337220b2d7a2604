namespace Kiosk.Events.Model;

/// <summary>
/// How the outbox treats an event when it is full: status events may be dropped (oldest first, because a newer status
/// supersedes them), transactions and alerts never are.
/// </summary>
public enum EventClass
{
    /// <summary>A loan, return, alarm, refusal or anything else the central system must see: never dropped.</summary>
    Transaction = 0,

    /// <summary>A state report that a later one supersedes (device status, passage counts): dropped first when full.</summary>
    Status = 1,
}
