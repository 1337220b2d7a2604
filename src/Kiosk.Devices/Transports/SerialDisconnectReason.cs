namespace Kiosk.Devices.Transports;

/// <summary>Why a serial connection ended.</summary>
public enum SerialDisconnectReason
{
    /// <summary>The owner disposed the connection.</summary>
    Closed,

    /// <summary>The port's device node is gone: a USB adapter was unplugged, or a pty's master closed.</summary>
    PortVanished,

    /// <summary>The port is still there but reading or writing failed (or timed out on a write).</summary>
    InputOutputError,
}
