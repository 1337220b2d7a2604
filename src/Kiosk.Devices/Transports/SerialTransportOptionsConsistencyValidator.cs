using System.IO.Ports;
using Microsoft.Extensions.Options;

namespace Kiosk.Devices.Transports;

/// <summary>Checks what attributes cannot: combinations SerialPort itself would reject when opening.</summary>
internal sealed class SerialTransportOptionsConsistencyValidator : IValidateOptions<SerialTransportOptions>
{
    public ValidateOptionsResult Validate(string? name, SerialTransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // SerialPort throws ArgumentOutOfRangeException for StopBits.None; say so before the first open.
        return options.StopBits == StopBits.None
            ? ValidateOptionsResult.Fail("StopBits is None, which no serial line has; set it to One (or what the device's manual says).")
            : ValidateOptionsResult.Success;
    }
}
