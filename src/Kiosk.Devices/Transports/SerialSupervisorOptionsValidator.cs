using Microsoft.Extensions.Options;

namespace Kiosk.Devices.Transports;

/// <summary>Checks the [Range] attributes of <see cref="SerialSupervisorOptions"/> (source-generated).</summary>
[OptionsValidator]
internal sealed partial class SerialSupervisorOptionsValidator : IValidateOptions<SerialSupervisorOptions>
{
}
