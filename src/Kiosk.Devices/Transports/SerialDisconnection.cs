namespace Kiosk.Devices.Transports;

/// <summary>How a serial connection ended.</summary>
/// <param name="PortName">The port.</param>
/// <param name="Reason">Which kind of end.</param>
/// <param name="Message">What happened and what to check, for a technician.</param>
/// <param name="Exception">The error that revealed it, if any.</param>
public sealed record SerialDisconnection(string PortName, SerialDisconnectReason Reason, string Message, Exception? Exception = null);
