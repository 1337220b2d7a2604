namespace Kiosk.Ils;

/// <summary>The ILS link changed state.</summary>
/// <param name="status">The new state.</param>
/// <param name="reason">Why, in words a technician can act on.</param>
public sealed class Sip2LinkStatusChangedEventArgs(Sip2LinkStatus status, string reason) : EventArgs
{
    /// <summary>The new state.</summary>
    public Sip2LinkStatus Status { get; } = status;

    /// <summary>Why.</summary>
    public string Reason { get; } = reason;
}
