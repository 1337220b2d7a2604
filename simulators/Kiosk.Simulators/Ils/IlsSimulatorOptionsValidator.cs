using Microsoft.Extensions.Options;

namespace Kiosk.Simulators.Ils;

/// <summary>Checks the [Range] and [Required] attributes of <see cref="IlsSimulatorOptions"/> without reflection.</summary>
[OptionsValidator]
internal sealed partial class IlsSimulatorOptionsValidator : IValidateOptions<IlsSimulatorOptions>
{
}
