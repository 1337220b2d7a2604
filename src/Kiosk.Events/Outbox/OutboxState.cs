namespace Kiosk.Events.Outbox;

/// <summary>How full the outbox is.</summary>
public enum OutboxState
{
    /// <summary>Below the warning ratio.</summary>
    Healthy,

    /// <summary>At or above the warning ratio: the broker has been unreachable for long, or publishing is too slow.</summary>
    Filling,

    /// <summary>At the bound: the oldest status events give way, and once only transactions are left new transactions are refused.</summary>
    Full,
}
