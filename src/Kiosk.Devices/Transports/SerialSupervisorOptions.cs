using System.ComponentModel.DataAnnotations;

namespace Kiosk.Devices.Transports;

/// <summary>How a <see cref="SerialPortSupervisor"/> retries a lost or missing port.</summary>
public sealed class SerialSupervisorOptions
{
    /// <summary>The first wait before reopening; it doubles after each failed attempt up to <see cref="ReconnectMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "ReconnectMinDelay must be between {1} and {2}; 00:00:01 suits a kiosk.")]
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts; a device plugged back in is found within this time.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "ReconnectMaxDelay must be between {1} and {2}; 00:00:10 suits a kiosk.")]
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(10);
}
