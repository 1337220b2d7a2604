namespace Kiosk.Devices.Transports;

/// <summary>A supervised serial link connected, failed an attempt, was lost, or stopped.</summary>
/// <param name="portName">The port.</param>
/// <param name="state">The new state.</param>
/// <param name="reason">Why, in words a technician can act on.</param>
/// <param name="retryIn">When disconnected, how long until the next attempt.</param>
/// <param name="failedAttempts">Attempts that failed since the link was last connected.</param>
public sealed class SerialLinkStatusChangedEventArgs(string portName, SerialLinkState state, string reason, TimeSpan? retryIn, int failedAttempts) : EventArgs
{
    /// <summary>The port.</summary>
    public string PortName { get; } = portName;

    /// <summary>The new state.</summary>
    public SerialLinkState State { get; } = state;

    /// <summary>Why.</summary>
    public string Reason { get; } = reason;

    /// <summary>When <see cref="SerialLinkState.Disconnected"/>, the wait before the next attempt.</summary>
    public TimeSpan? RetryIn { get; } = retryIn;

    /// <summary>Attempts that failed since the link was last connected (0 on connect after a clean loss).</summary>
    public int FailedAttempts { get; } = failedAttempts;
}
