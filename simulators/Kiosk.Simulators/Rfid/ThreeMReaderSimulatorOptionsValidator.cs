using Microsoft.Extensions.Options;

namespace Kiosk.Simulators.Rfid;

/// <summary>Checks the [Range] attributes of <see cref="ThreeMReaderSimulatorOptions"/> without reflection.</summary>
[OptionsValidator]
internal sealed partial class ThreeMReaderSimulatorOptionsValidator : IValidateOptions<ThreeMReaderSimulatorOptions>
{
}
